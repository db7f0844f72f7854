import { lenetExperiment } from './lenet.js';

/**
 * LeNet-5 on MNIST under every rule with a feedback pathway (beyond the paper, which has dense
 * networks only): does feedback alignment through convolutions keep up with backprop, and do
 * the kernels align with their feedback?
 */
export const lenetMnist = lenetExperiment({
  id: 'lenet-mnist',
  title: 'LeNet-5 on MNIST under every feedback rule (beyond the paper)',
  caption:
    'A small convolutional network reads handwritten digits. Backprop, feedback alignment through random kernels, direct feedback alignment, the sign-concordant rules, Kolen–Pollack and weight mirror train the same LeNet-5: how close does each come to backprop, and how far do its kernels turn toward their feedback?',
  dataset: 'mnist',
  dataNotes: 'MNIST 60k train / 10k test.',
  browserNote:
    'MNIST subset: the first 10,000 training images, one pass, test error on the first 1,000 test images',
});
