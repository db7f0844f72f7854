// Shared vitest settings. Workspace packages resolve to their sources so a test
// never runs against a stale build of a sibling package.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountReporter } from './count-reporter.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

function workspaceAliases() {
  const alias = [];
  for (const dir of ['packages', 'apps']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const src = join(base, name, 'src');
      if (!existsSync(join(src, 'index.ts'))) continue;
      // '@rfa/x' → src/index.ts; '@rfa/x/sub' → src/sub.ts
      alias.push({ find: new RegExp(`^@rfa/${name}$`), replacement: join(src, 'index.ts') });
      alias.push({ find: new RegExp(`^@rfa/${name}/(.+)$`), replacement: `${src}/$1.ts` });
    }
  }
  return alias;
}

/** Base config for one package's vitest run. */
export function defineRfaConfig(overrides = {}) {
  return {
    resolve: { alias: workspaceAliases() },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      reporters: ['default', new CountReporter(root)],
      ...(overrides.test ?? {}),
    },
  };
}
