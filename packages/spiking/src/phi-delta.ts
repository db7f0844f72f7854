import type { Backend, Tensor } from '@rfa/tensor';
import type { PhiDelta } from './options.js';

/** out = phi_delta(u), issued as backend ops; `out` may be `u`. */
export function applyPhiDelta(backend: Backend, out: Tensor, u: Tensor, phi: PhiDelta): void {
  switch (phi) {
    case 'tanh':
      backend.activate(out, u, 'tanh');
      return;
    case 'centred-logistic':
      backend.activate(out, u, 'logistic');
      backend.scale(out, out, 2);
      backend.addScalar(out, out, -1);
      return;
    case 'linear':
      backend.copy(out, u);
      return;
  }
}

/** The same map on one float64 number: the oracle for tests and host-side references. */
export function phiDelta64(u: number, phi: PhiDelta): number {
  switch (phi) {
    case 'tanh':
      return Math.tanh(u);
    case 'centred-logistic':
      return 2 / (1 + Math.exp(-u)) - 1;
    case 'linear':
      return u;
  }
}
