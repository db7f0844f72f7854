import type { SpeedRow } from './types.js';

/** A ratio column: for rows it `applies` to, the value over its base row's (found by `base`). */
interface RatioColumn {
  title: string;
  applies: (r: SpeedRow) => boolean;
  base: (r: SpeedRow, rows: SpeedRow[]) => SpeedRow | undefined;
}

/** rfa's default CPU kernels: 'rfa-cpu' (Node) or 'rfa-cpu-<n>t' (a thread count); not the fused build. */
const isRfaCpu = (r: SpeedRow) => r.impl === 'rfa-cpu' || /^rfa-cpu-\d+t$/.test(r.impl);
/** TensorFlow.js's wasm backend: 'tfjs-wasm' (Node), 'tfjs-wasm-<n>t' or 'tfjs-wasm-1t-simd' (its unthreaded build). */
const isTfjsWasm = (r: SpeedRow) => r.impl === 'tfjs-wasm' || /^tfjs-wasm-\d+t(-simd)?$/.test(r.impl);
/** The fastest of some rows (the peer at its best). */
const fastest = (rows: SpeedRow[]) => [...rows].sort((a, b) => b.examplesPerSecond - a.examplesPerSecond)[0];
const isRfa = (r: SpeedRow) => r.impl.startsWith('rfa') && !r.softwareGpu;
const sameCase = (a: SpeedRow, b: SpeedRow) => a.rule === b.rule && a.batch === b.batch;

/**
 * The fastest tfjs-wasm row of the same case on the same threads (the browser race); in Node, where
 * tfjs-wasm runs one thread, its one row (the machine ratio; the rfa-cpu-1t row gives the per-thread one).
 */
function tfjsWasmBase(r: SpeedRow, rows: SpeedRow[]): SpeedRow | undefined {
  const peers = rows.filter((b) => isTfjsWasm(b) && sameCase(b, r));
  const same = peers.filter((b) => b.threads !== undefined && b.threads === r.threads);
  return same.length > 0 ? fastest(same) : peers.find((b) => b.impl === 'tfjs-wasm');
}

/** The rfa CPU row of the same case on the most threads. */
function rfaCpuBase(r: SpeedRow, rows: SpeedRow[]): SpeedRow | undefined {
  return rows
    .filter((b) => isRfaCpu(b) && sameCase(b, r))
    .sort((a, b) => (b.threads ?? 0) - (a.threads ?? 0))[0];
}

const RATIOS: RatioColumn[] = [
  { title: 'rfa / tfjs-wasm', applies: isRfa, base: tfjsWasmBase },
  {
    title: 'rfa / tfjs-cpu',
    applies: isRfa,
    base: (r, rows) => rows.find((b) => b.impl === 'tfjs-cpu' && sameCase(b, r)),
  },
  {
    title: 'gpu / rfa-cpu',
    applies: (r) => r.impl.startsWith('rfa-gpu') && !r.softwareGpu,
    base: rfaCpuBase,
  },
];

const rate = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3));
const value = (r: SpeedRow) => (r.rule === 'gemm' ? r.gflops! : r.examplesPerSecond);
const times = (v: number) => `${v.toFixed(2)}×`;
/** The spread of the rounds, '±x%' (half the range over the median); empty with one round. */
const spreadText = (r: SpeedRow) =>
  r.rounds.length > 1 && r.spread !== undefined ? `±${((r.spread * 100) / 2).toFixed(0)}%` : '';
const implText = (r: SpeedRow) => (r.softwareGpu ? `${r.impl} (software GPU)` : r.impl);

function table(header: string[], rows: string[][], right: boolean[]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join('  ')
      .trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * One line per implementation and configuration: threads, median rate, the rounds' spread
 * (± half their range over the median), and ratios of rfa over each peer (tfjs-wasm at the
 * same thread count where there is one) and of GPU over CPU. Software GPU rows get no ratio.
 */
export function speedTable(rows: SpeedRow[]): string {
  const columns = RATIOS.filter((c) =>
    rows.some((r) => c.applies(r) && c.base(r, rows) && c.base(r, rows) !== r),
  );
  const ratios = (r: SpeedRow) =>
    columns.map((c) => {
      const base = c.applies(r) ? c.base(r, rows) : undefined;
      return base && base !== r && value(base) > 0 ? times(value(r) / value(base)) : '';
    });
  const right = columns.map(() => true);
  const training = rows.filter((r) => r.rule !== 'gemm');
  const gemm = rows.filter((r) => r.rule === 'gemm');
  const threads = (r: SpeedRow) => (r.threads === undefined ? '' : String(r.threads));
  const out: string[] = [];
  if (training.length > 0) {
    out.push(
      table(
        [
          'rule',
          'batch',
          'impl',
          'threads',
          'examples/s',
          'spread',
          ...columns.map((c) => c.title),
          'loss first → last',
        ],
        training.map((r) => [
          r.rule,
          String(r.batch),
          implText(r),
          threads(r),
          rate(r.examplesPerSecond),
          spreadText(r),
          ...ratios(r),
          `${r.lossFirst?.toFixed(4)} → ${r.lossLast?.toFixed(4)}`,
        ]),
        [false, true, false, true, true, true, ...right, false],
      ),
    );
  }
  if (gemm.length > 0) {
    out.push(
      table(
        ['gemm', 'impl', 'threads', 'GFLOP/s', 'spread', ...columns.map((c) => c.title)],
        gemm.map((r) => [
          r.layers.replace(/(\d+)-(\d+)-(\d+)/, '($1×$2)·($2×$3)'),
          implText(r),
          threads(r),
          r.gflops!.toFixed(2),
          spreadText(r),
          ...ratios(r),
        ]),
        [false, false, true, true, true, ...right],
      ),
    );
  }
  const headline = speedHeadline(rows);
  if (headline.length > 0) out.push(headline.join('\n'));
  return out.join('\n\n');
}

/**
 * The headline ratios, per batch: rfa-cpu training FA over tfjs-wasm training BP (the
 * paper's rule against the peer's best; at one thread, the faster of tfjs's threaded and
 * unthreaded wasm builds), at each thread count both ran ("per thread"), and
 * the two at their most threads where those differ ("machine", as in Node, where tfjs-wasm
 * runs one thread). GPU rows never enter it.
 */
export function speedHeadline(rows: SpeedRow[]): string[] {
  const lines: string[] = [];
  const batches = [...new Set(rows.filter((r) => r.rule === 'fa').map((r) => r.batch))];
  for (const batch of batches) {
    const rfa = rows.filter((r) => isRfaCpu(r) && r.rule === 'fa' && r.batch === batch);
    const tfjs = rows.filter((r) => isTfjsWasm(r) && r.rule === 'bp' && r.batch === batch);
    if (rfa.length === 0 || tfjs.length === 0) continue;
    const parts: string[] = [];
    for (const r of rfa.sort((a, b) => (a.threads ?? 0) - (b.threads ?? 0))) {
      const same = tfjs.filter((p) => p.threads !== undefined && p.threads === r.threads);
      const t = same.length > 0 ? fastest(same) : undefined;
      if (t)
        parts.push(
          `${r.threads} thread${r.threads === 1 ? '' : 's'} each ${times(r.examplesPerSecond / t.examplesPerSecond)}`,
        );
    }
    const most = (list: SpeedRow[]) => [...list].sort((a, b) => (b.threads ?? 0) - (a.threads ?? 0))[0];
    const [r, t] = [most(rfa), most(tfjs)];
    if (r.threads !== t.threads)
      parts.push(
        `machine (rfa ${r.threads ?? '?'} threads, tfjs ${t.threads ?? '?'}) ${times(r.examplesPerSecond / t.examplesPerSecond)}`,
      );
    lines.push(`batch ${batch}: rfa-cpu FA / tfjs-wasm BP: ${parts.join('; ')}`);
  }
  return lines;
}
