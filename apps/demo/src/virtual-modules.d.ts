/** The training worker's URL (`scripts/worker-chunk.ts`). */
declare module 'virtual:demo-worker-url' {
  const url: string;
  export default url;
}
