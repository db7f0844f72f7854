import type { NetworkLayerConfig } from '@rfa/layers';

export type Pair = [number, number];
export const pair = (v: number | Pair): Pair => (Array.isArray(v) ? v : [v, v]);

/** One stage of the tfjs forward pass, read off rfa's layer list. */
export type Stage =
  | { kind: 'conv'; layer: number; activation: string }
  | { kind: 'pool'; max: boolean; size: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; layer: number; activation: string };

/** rfa's layer list as tfjs stages; `layer` counts the layers with weights, as rfa's network does. */
export function tfjsStages(layers: readonly NetworkLayerConfig[]): Stage[] {
  let layer = 0;
  return layers.map((cfg, i): Stage => {
    const where = `tfjs conv trainer: layers[${i}] (${cfg.type ?? 'dense'})`;
    if (cfg.type === 'conv') {
      const stride = pair(cfg.stride ?? 1);
      if ((cfg.padding ?? 'valid') !== 'valid' || stride[0] !== 1 || stride[1] !== 1)
        throw new Error(
          `${where} must have stride 1 and 'valid' padding (the gradients are written for those)`,
        );
      return { kind: 'conv', layer: layer++, activation: cfg.activation };
    }
    if (cfg.type === 'maxPool' || cfg.type === 'avgPool') {
      const [size, stride] = [pair(cfg.size), pair(cfg.stride ?? cfg.size)];
      if (
        size[0] !== size[1] ||
        stride[0] !== size[0] ||
        stride[1] !== size[1] ||
        (cfg.padding ?? 'valid') !== 'valid'
      )
        throw new Error(
          `${where} must have square non-overlapping windows (stride = size) and 'valid' padding`,
        );
      return { kind: 'pool', max: cfg.type === 'maxPool', size: size[0] };
    }
    if (cfg.type === 'flatten') return { kind: 'flatten' };
    return { kind: 'dense', layer: layer++, activation: (cfg as { activation: string }).activation };
  });
}
