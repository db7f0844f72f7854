# Scaffolds a workspace package: python3 scripts/new-package.py packages/NAME @rfa/NAME "description" '{"dep":"version"}' [side]
import json, sys, os
# usage: mkpkg.py dir name description deps-json [sideEffects]
d, name, desc, deps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
side = sys.argv[5] == 'side' if len(sys.argv) > 5 else False
pkg = {
  "name": name, "version": "0.1.0", "description": desc, "license": "MIT", "type": "module",
  "sideEffects": ["./dist/index.js", "./dist/index.cjs", "./src/index.ts"] if side else False,
  "main": "./dist/index.cjs", "module": "./dist/index.js", "types": "./dist/index.d.ts",
  "exports": {".": {"import": {"types": "./dist/index.d.ts", "default": "./dist/index.js"},
                    "require": {"types": "./dist/index.d.cts", "default": "./dist/index.cjs"}}},
  "files": ["dist", "README.md"],
  "scripts": {"build": "tsup", "test": "vitest run", "typecheck": "tsc -p tsconfig.json", "lint": "biome check src"},
  "dependencies": deps,
  "devDependencies": {"@rfa/tsconfig": "workspace:*", "@rfa/vitest-config": "workspace:*", "@types/node": "20.19.43"},
}
os.makedirs(d + '/src', exist_ok=True)
p = d + '/package.json'
if os.path.exists(p):
    old = json.load(open(p))
    for k in ('dependencies', 'devDependencies', 'scripts'):
        for kk, v in old.get(k, {}).items(): pkg[k].setdefault(kk, v)
json.dump(pkg, open(p, 'w'), indent=2); open(p, 'a').write('\n')
for f in ('tsconfig.json', 'tsup.config.ts', 'vitest.config.ts'):
    if not os.path.exists(d + '/' + f):
        open(d + '/' + f, 'w').write(open('packages/tensor/' + f).read())
