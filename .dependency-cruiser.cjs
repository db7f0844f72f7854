// The layering of rfa, checked on every import by `pnpm lint` (docs/architecture.md draws it).
// A workspace import (`@rfa/x`) resolves through its node_modules link to the package's
// build, packages/x/dist/… (so run it after `pnpm build`): the edge counts, the build's
// insides are not followed.
/** Source files that ship (tests, test helpers and examples may use a backend). */
const shipped = '/src/(?!testing/)(?!.*\\.test\\.ts$)';
const backend = '^packages/backend-(cpu|gpu)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-no-backend',
      comment: '@rfa/tensor is the contract every backend implements: it must not import one.',
      severity: 'error',
      from: { path: '^packages/tensor/' },
      to: { path: backend },
    },
    {
      name: 'computation-imports-no-backend',
      comment:
        'Layers, learning rules, the spiking network and the experiments are written against the Backend interface; the user picks the backend.',
      severity: 'error',
      from: {
        path: `^packages/(layers|learning-rules|spiking|experiments|train|metrics|datasets)${shipped}`,
      },
      to: { path: backend },
    },
    {
      name: 'packages-import-no-app',
      comment: 'Apps wire packages together; a package never reaches into an app.',
      severity: 'error',
      from: { path: '^(packages|tooling)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-share-only-packages',
      comment: 'The bench and the demo share code only through packages.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles between modules (a cycle through type-only imports is fine).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    exclude: { path: '(^|/)(\\.turbo|asm)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.d.ts'],
    },
  },
};
