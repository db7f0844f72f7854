/** Offers `blob` as a file named `name` (a link clicked, then let go). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart as the PNG shows it: title, legend and the plot's canvas. */
export interface ChartPicture {
  title: string;
  canvas: HTMLCanvasElement;
  legend: { label: string; colour: string }[];
}

const PAD = 16;
const TITLE = 22;
const LEGEND = 18;

/**
 * The charts stacked into one picture on white, each under its title and legend (the page's
 * legends are HTML, not part of the plots' canvases).
 */
export function chartsPicture(charts: readonly ChartPicture[], heading: string): HTMLCanvasElement {
  const scale = charts[0] ? charts[0].canvas.width / charts[0].canvas.clientWidth || 1 : 1;
  const width = Math.max(400, ...charts.map((c) => c.canvas.width / scale)) + 2 * PAD;
  const height =
    PAD + TITLE + charts.reduce((h, c) => h + TITLE + LEGEND + c.canvas.height / scale + PAD, 0) + PAD;
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.font = '600 16px system-ui, sans-serif';
  ctx.fillText(heading, PAD, PAD + 14);
  let y = PAD + TITLE;
  for (const c of charts) {
    ctx.fillStyle = '#111';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillText(c.title, PAD, y + 14);
    y += TITLE;
    let x = PAD;
    ctx.font = '12px system-ui, sans-serif';
    for (const e of c.legend) {
      ctx.fillStyle = e.colour.slice(0, 7);
      ctx.fillRect(x, y + 4, 14, 4);
      ctx.fillStyle = '#111';
      ctx.fillText(e.label, x + 18, y + 10);
      x += 26 + ctx.measureText(e.label).width;
    }
    y += LEGEND;
    ctx.drawImage(c.canvas, PAD, y, c.canvas.width / scale, c.canvas.height / scale);
    y += c.canvas.height / scale + PAD;
  }
  return out;
}
