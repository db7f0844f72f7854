export * from "./gemm";
export * from "./gemm-direct";
export * from "./elementwise";
export * from "./activation";
