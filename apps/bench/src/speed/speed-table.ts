import type { SpeedRow } from './types.js';

/** A ratio column: rows that `applies` to, over the `base` implementation's row of the same configuration. */
interface RatioColumn {
  title: string;
  base: string;
  applies: (r: SpeedRow) => boolean;
}

const isRfa = (r: SpeedRow) => r.impl.startsWith('rfa');
const RATIOS: RatioColumn[] = [
  { title: 'rfa / tfjs-wasm', base: 'tfjs-wasm', applies: isRfa },
  { title: 'rfa / tfjs-cpu', base: 'tfjs-cpu', applies: isRfa },
  { title: 'gpu / rfa-cpu', base: 'rfa-cpu', applies: (r) => r.impl.startsWith('rfa-gpu') },
];

const rate = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3));
const value = (r: SpeedRow) => (r.rule === 'gemm' ? r.gflops! : r.examplesPerSecond);

function table(header: string[], rows: string[][], right: boolean[]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join('  ')
      .trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line per implementation and configuration, with ratios of rfa over each peer (and GPU over CPU). */
export function speedTable(rows: SpeedRow[]): string {
  const columns = RATIOS.filter(
    (c) => rows.some((r) => r.impl === c.base) && rows.some((r) => c.applies(r) && r.impl !== c.base),
  );
  const ratios = (r: SpeedRow) =>
    columns.map((c) => {
      const base = rows.find((b) => b.impl === c.base && b.rule === r.rule && b.batch === r.batch);
      return c.applies(r) && r.impl !== c.base && base && value(base) > 0
        ? `${(value(r) / value(base)).toFixed(2)}×`
        : '';
    });
  const right = columns.map(() => true);
  const training = rows.filter((r) => r.rule !== 'gemm');
  const gemm = rows.filter((r) => r.rule === 'gemm');
  const out: string[] = [];
  if (training.length > 0) {
    out.push(
      table(
        ['rule', 'batch', 'impl', 'examples/s', ...columns.map((c) => c.title), 'loss first → last'],
        training.map((r) => [
          r.rule,
          String(r.batch),
          r.impl,
          rate(r.examplesPerSecond),
          ...ratios(r),
          `${r.lossFirst?.toFixed(4)} → ${r.lossLast?.toFixed(4)}`,
        ]),
        [false, true, false, true, ...right, false],
      ),
    );
  }
  if (gemm.length > 0) {
    out.push(
      table(
        ['gemm', 'impl', 'GFLOP/s', ...columns.map((c) => c.title)],
        gemm.map((r) => [
          r.layers.replace(/(\d+)-(\d+)-(\d+)/, '($1×$2)·($2×$3)'),
          r.impl,
          r.gflops!.toFixed(2),
          ...ratios(r),
        ]),
        [false, false, true, ...right],
      ),
    );
  }
  return out.join('\n\n');
}
