#!/usr/bin/env node
// Creates a publishable workspace package that passes the release checks from its first
// commit: version 0.0.0, the repository's metadata, ESM + CJS builds through the shared
// tsup config, the scripts every package has (prepack guard included), a source file with
// a test beside it, and a README whose example (examples/readme.ts) the pack test runs.
//
//   node scripts/new-package.mjs NAME "description" [--dep @rfa/tensor]... [--side-effects] [--root DIR]
//
// NAME is the folder under packages/ and the package @rfa/NAME (kebab-case). --dep adds a
// workspace dependency (repeatable); --side-effects marks the built entry as having them (a
// package that registers something on import). Then run `pnpm install`.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The one Node types version the workspace pins. */
const TYPES_NODE = '20.19.43';

/** The package files for `name` as path → contents. */
function packageFiles({ name, description, deps = [], sideEffects = false, rootManifest }) {
  const full = `@rfa/${name}`;
  const web = rootManifest.homepage.replace(/#readme$/, '');
  const entry = (file) => ({
    import: { types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` },
    require: { types: `./dist/${file}.d.cts`, default: `./dist/${file}.cjs` },
  });
  const manifest = {
    name: full,
    version: '0.0.0',
    description,
    license: 'MIT',
    repository: { ...rootManifest.repository, directory: `packages/${name}` },
    homepage: `${web}/tree/main/packages/${name}#readme`,
    bugs: rootManifest.bugs,
    engines: rootManifest.engines,
    type: 'module',
    sideEffects: sideEffects ? ['./dist/index.js', './dist/index.cjs'] : false,
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': entry('index') },
    files: ['dist', 'README.md', 'LICENSE'],
    scripts: {
      build: 'tsup',
      test: 'vitest run',
      typecheck: 'tsc -p tsconfig.json',
      lint: 'biome check src',
      prepack: 'node ../../tooling/release-checks/bin/prepack-guard.mjs',
    },
    dependencies: Object.fromEntries([...deps].sort().map((d) => [d, 'workspace:^'])),
    devDependencies: {
      '@rfa/tsconfig': 'workspace:*',
      '@rfa/tsup-config': 'workspace:*',
      '@rfa/vitest-config': 'workspace:*',
      '@types/node': TYPES_NODE,
    },
    publishConfig: { access: 'public' },
  };
  const example = `import { describePackage } from '${full}';\n\nconsole.log(describePackage());\n`;
  return {
    'package.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'tsconfig.json': '{ "extends": "@rfa/tsconfig/base.json", "include": ["src"] }\n',
    'tsup.config.ts': `import { packageBuild } from '@rfa/tsup-config';\n\nexport default packageBuild({\n  entry: ['src/index.ts'],\n});\n`,
    'vitest.config.ts': `import { defineRfaConfig } from '@rfa/vitest-config';\n\nexport default defineRfaConfig();\n`,
    'src/index.ts': `/** What this package is (replace with the package's first real export). */\nexport function describePackage(): string {\n  return ${JSON.stringify(`${full}: ${description}`)};\n}\n`,
    'src/index.test.ts': `import { describe, expect, it } from 'vitest';\nimport { describePackage } from './index.js';\n\ndescribe('describePackage', () => {\n  it('names the package', () => {\n    expect(describePackage()).toMatch(/^@rfa\\/${name}: /);\n  });\n});\n`,
    'examples/readme.ts': example,
    'README.md': `# ${full}\n\n${description}\n\n## Install\n\n\`\`\`sh\nnpm install ${full}\n\`\`\`\n\n## Example\n\n<!-- example: examples/readme.ts -->\n\`\`\`ts\n${example}\`\`\`\n`,
  };
}

/** Writes the package under `root`/packages/`name`; refuses a bad name or an existing folder. */
function createPackage({ root, name, description, deps = [], sideEffects = false }) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name ?? '')) {
    throw new Error(`new-package: NAME must be kebab-case (like 'learning-rules'), got '${name}'`);
  }
  if (!description) throw new Error('new-package: a description is required (one sentence, for npm)');
  for (const d of deps) {
    if (!/^@rfa\/[a-z0-9-]+$/.test(d))
      throw new Error(`new-package: --dep takes a workspace package (@rfa/x), got '${d}'`);
  }
  const dir = join(root, 'packages', name);
  if (existsSync(dir)) throw new Error(`new-package: ${dir} exists already`);
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const [path, text] of Object.entries(
    packageFiles({ name, description, deps, sideEffects, rootManifest }),
  )) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  copyFileSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dep: { type: 'string', multiple: true, default: [] },
      'side-effects': { type: 'boolean', default: false },
      root: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '..') },
    },
  });
  try {
    const dir = createPackage({
      root: values.root,
      name: positionals[0],
      description: positionals[1],
      deps: values.dep,
      sideEffects: values['side-effects'],
    });
    console.log(`created ${dir}: run \`pnpm install\`, then \`pnpm --filter @rfa/${positionals[0]} test\``);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
