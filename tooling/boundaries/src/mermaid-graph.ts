import type { PackageGraph } from './package-graph.js';

/**
 * The package graph a mermaid `graph` block draws: nodes declared as `id["label"]`
 * (label `@rfa/x`, or `apps/x …` for an app, named by `appName`), edges `a --> b`
 * with `&` lists on either side. Every labelled node is in the graph, with or
 * without edges. An edge to an undeclared id is an error: the doc would lie.
 */
export function mermaidGraph(markdown: string, appName: (folder: string) => string): PackageGraph {
  const block = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  if (!block) throw new Error('architecture doc: no ```mermaid block');
  const names = new Map<string, string>();
  const edges: [string, string][] = [];
  const node = /([A-Za-z][\w-]*)(?:\["([^"]+)"\])?/g;
  for (const raw of block[1].split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('graph ') || line.startsWith('%%')) continue;
    const sides = line.split('-->');
    const ids = sides.map((side) =>
      side.split('&').map((part) => {
        node.lastIndex = 0;
        const m = node.exec(part.trim());
        if (!m) throw new Error(`architecture doc: cannot read '${part.trim()}' in '${line}'`);
        if (m[2]) {
          const app = /^apps\/([\w-]+)/.exec(m[2]);
          names.set(m[1], app ? appName(app[1]) : m[2]);
        }
        return m[1];
      }),
    );
    for (let i = 0; i + 1 < ids.length; i++)
      for (const from of ids[i]) for (const to of ids[i + 1]) edges.push([from, to]);
  }
  const graph: PackageGraph = new Map([...names.values()].map((n) => [n, new Set<string>()]));
  const nameOf = (id: string): string => {
    const name = names.get(id);
    if (!name) throw new Error(`architecture doc: node '${id}' is used but never labelled`);
    return name;
  };
  for (const [from, to] of edges) graph.get(nameOf(from))?.add(nameOf(to));
  return graph;
}
