export * from './activation';
export * from './elementwise';
export * from './gemm';
export * from './gemm-direct';
export * from './gemm-few';
export * from './reduce';
export * from './random';
export * from './window';
