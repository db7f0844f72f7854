type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Makes an element: attributes (`on…` keys become listeners), then children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** A number for a readout: short, no trailing noise. */
export function formatNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 1e-3) return v.toExponential(3);
  return v.toPrecision(4);
}

/** A statistic over seeds for a readout: `mean ± s.d. (n = k)`, the mean alone for one seed. */
export function formatStat(s: { mean: number; sd: number; n: number }): string {
  const mean = formatNumber(s.mean);
  return s.n > 1 ? `${mean} ± ${formatNumber(s.sd)} (n = ${s.n})` : `${mean} (n = ${s.n})`;
}
