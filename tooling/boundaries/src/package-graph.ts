import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A package name → the workspace packages it depends on at run time (`dependencies`). */
export type PackageGraph = Map<string, Set<string>>;

/** The folders of the workspace's packages and apps under `root`. */
function workspaceFolders(root: string): string[] {
  const folders: string[] = [];
  for (const dir of ['packages', 'apps']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (existsSync(join(root, dir, name, 'package.json'))) folders.push(join(dir, name));
    }
  }
  return folders;
}

/** The run-time graph of the workspace from its package.json files (links to workspace packages only). */
export function manifestGraph(root: string): PackageGraph {
  const manifests = workspaceFolders(root).map(
    (folder) =>
      JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
      },
  );
  const names = new Set(manifests.map((m) => m.name));
  const graph: PackageGraph = new Map();
  for (const m of manifests) {
    graph.set(m.name, new Set(Object.keys(m.dependencies ?? {}).filter((d) => names.has(d))));
  }
  return graph;
}

/** Edges as sorted `from -> to` lines, for a readable comparison. */
export function edgeList(graph: PackageGraph): string[] {
  const edges: string[] = [];
  for (const [from, tos] of graph) for (const to of tos) edges.push(`${from} -> ${to}`);
  return edges.sort();
}
