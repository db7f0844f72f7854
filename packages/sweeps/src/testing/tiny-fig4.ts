// A sweep spec for tests of epoch reports (not exported): fig4's spiking network at its quick
// size on 200 images, scored on 100 test images twice an epoch, for 2 epochs (about a second).
export const tinyFig4 = {
  experiment: 'fig4',
  rules: ['fa'],
  seeds: 1,
  quick: true,
  set: { trainExamples: 200, testExamples: 100, epochs: 2, evaluationsPerEpoch: 2 },
};
