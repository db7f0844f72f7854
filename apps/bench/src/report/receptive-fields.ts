import type { RgbImage } from './png.js';

/** First-layer weights as the report shows them: one image per hidden unit. */
export interface ReceptiveFields {
  width: number;
  height: number;
  units: number[][];
}

/**
 * A grid of receptive fields (Supplementary Fig. 5): each unit's incoming weights as a
 * `width × height` tile, scaled by its own largest |w|, negative blue, positive red, zero
 * white; tiles `scale` pixels a weight, `gap` pixels apart, `columns` to a row.
 */
export function receptiveFieldGrid(rf: ReceptiveFields, columns = 5, scale = 3, gap = 2): RgbImage {
  const rows = Math.ceil(rf.units.length / columns);
  const tileW = rf.width * scale;
  const tileH = rf.height * scale;
  const width = columns * tileW + (columns + 1) * gap;
  const height = rows * tileH + (rows + 1) * gap;
  const pixels = new Uint8Array(width * height * 3).fill(200);
  rf.units.forEach((w, u) => {
    const peak = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    const ox = gap + (u % columns) * (tileW + gap);
    const oy = gap + Math.floor(u / columns) * (tileH + gap);
    for (let i = 0; i < rf.height; i++)
      for (let j = 0; j < rf.width; j++) {
        const v = w[i * rf.width + j] / peak;
        const fade = Math.round(255 * (1 - Math.abs(v)));
        const rgb = v >= 0 ? [255, fade, fade] : [fade, fade, 255];
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++)
            pixels.set(rgb, ((oy + i * scale + dy) * width + ox + j * scale + dx) * 3);
      }
  });
  return { width, height, pixels };
}
