import type { ExperimentReport } from '@rfa/experiments';
import { resultsTable } from './table.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One experiment's section of the index: its report, the table's metrics, the figure files beside it. */
export interface ReportEntry {
  report: ExperimentReport;
  title: string;
  metrics: string[];
  svgs: string[];
  /** A further table (a sweep's ranking) under its heading. */
  extra?: { heading: string; text: string };
}

/** index.html: per experiment, its table, configuration and figures (SVG and PNG files beside it). */
export function reportHtml(entries: ReportEntry[]): string {
  const sections = entries
    .map(
      ({ report, title, metrics, svgs, extra }) => `
<section id="${report.experiment}">
  <h2>${escapeHtml(title)}</h2>
  <p>${escapeHtml(report.notes)}</p>
  <p>${report.seedsCompleted} of ${report.seeds} seeds${report.interrupted ? ' (interrupted)' : ''}, backend ${escapeHtml(report.backend)}${report.quick ? ', quick' : ''}, ${report.elapsedSeconds.toFixed(0)} s. Data: <a href="${report.experiment}.json">${report.experiment}.json</a></p>
  <pre>${escapeHtml(resultsTable(report.results, metrics, report.paper))}</pre>
  ${report.analysis ? `<pre>${escapeHtml(JSON.stringify(report.analysis, null, 2))}</pre>` : ''}
  <details><summary>configuration</summary><pre>${escapeHtml(JSON.stringify(report.config, null, 2))}</pre></details>
  ${svgs.map((f) => `<img src="${f}" alt="${escapeHtml(f)}">`).join('\n  ')}${
    extra ? `\n  <h3>${escapeHtml(extra.heading)}</h3>\n  <pre>${escapeHtml(extra.text)}</pre>` : ''
  }
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rfa — paper reproduction report</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}img{max-width:100%;display:block;margin:.5rem 0}</style>
</head><body>
<h1>rfa — reproducing Lillicrap et al. 2016</h1>
<p>Random synaptic feedback weights support error backpropagation for deep learning (Nature Communications 7:13276). Values are mean ± s.d. over seeds; "paper" columns are the values the paper reports.</p>
${sections}
</body></html>
`;
}
