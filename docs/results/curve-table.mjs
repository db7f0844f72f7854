// Prints a bench report's curves as a markdown table: one row per evaluation (or only those at
// whole epochs with --whole), one column per rule and metric, mean ± s.d. over seeds. Test
// errors and shares in %, angles in degrees, other metrics as plain numbers.
// From the repository root, after `pnpm bench reproduce … --json FILE`:
//   node docs/results/curve-table.mjs FILE testError,weightAngle [--rules fa,kolen-pollack] [--whole]
import { readFileSync } from 'node:fs';

const [file, metricList, ...rest] = process.argv.slice(2);
if (!file || !metricList) {
  console.error('usage: node docs/results/curve-table.mjs FILE metric[,metric…] [--rules a,b] [--whole]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const metrics = metricList.split(',');
const rulesAt = rest.indexOf('--rules');
const rules = rulesAt >= 0 ? rest[rulesAt + 1].split(',') : Object.keys(report.results);
const whole = rest.includes('--whole');
for (const r of rules) if (!report.results[r]) throw new Error(`${file} has no rule '${r}'`);

const percent = (m) => /error|positive/i.test(m);
const degrees = (m) => /angle/i.test(m);
function cell(metric, mean, sd) {
  if (mean === null || mean === undefined || Number.isNaN(mean)) return '—';
  const spread = sd === null || sd === undefined || Number.isNaN(sd) ? '' : ' ± ';
  if (percent(metric)) return `${(100 * mean).toFixed(2)}${spread && spread + (100 * sd).toFixed(2)} %`;
  if (degrees(metric)) return `${mean.toFixed(1)}${spread && spread + sd.toFixed(1)}°`;
  return `${mean.toFixed(3)}${spread && spread + sd.toFixed(3)}`;
}

const steps = report.results[rules[0]].curves.step;
const columns = rules.flatMap((r) => metrics.map((m) => ({ r, m })));
console.log(
  `| ${report.experiment === 'fig2' ? 'step' : 'epoch'} | ${columns.map(({ r, m }) => `${r} ${m}`).join(' | ')} |`,
);
console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
steps.forEach((x, i) => {
  if (whole && Math.abs(x - Math.round(x)) > 1e-9) return;
  const cells = columns.map(({ r, m }) => {
    const run = report.results[r];
    return cell(m, run.curves[m]?.[i], run.curvesSd?.[m]?.[i]);
  });
  console.log(`| ${Number(x.toFixed(4))} | ${cells.join(' | ')} |`);
});
console.log(`\n${report.seedsCompleted} seed(s) of ${report.seeds}; ${report.elapsedSeconds.toFixed(0)} s`);
