import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, sourceFiles } from '../../test/fixtures/source.js';

/**
 * Feature folders under src/modules depend on each other in one direction only.
 *
 * The graph is read from the source text: every `import … from '…'` and `export … from '…'`
 * (type-only ones too: a type is a dependency on the feature that owns it) in the non-test
 * files of each feature folder. A relative path that lands in another feature folder is an
 * edge. Files at the root of src/modules (repositories.ts, references.ts) are the wiring
 * layer every feature may use; they are not features and are not followed. Tests are left
 * out: a test may set up data through any feature without making its own feature depend on it.
 */

const modulesDir = dirname(fileURLToPath(import.meta.url));


export function featureFolders(root: string): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}


/** feature → the other features its files import, with one example import each. */
export function featureGraph(root: string): Map<string, Map<string, string>> {
  const features = featureFolders(root);
  const graph = new Map<string, Map<string, string>>();
  for (const feature of features) {
    const edges = new Map<string, string>();
    for (const file of sourceFiles(join(root, feature))) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), specifier));
        const [first, ...rest] = target.split(sep);
        if (!first || first === '..' || rest.length === 0) continue; // outside src/modules or a root wiring file
        if (first !== feature && features.includes(first) && !edges.has(first)) {
          edges.set(first, `${relative(root, file)} → ${specifier}`);
        }
      }
    }
    graph.set(feature, edges);
  }
  return graph;
}

/** Strongly connected components with more than one feature (Tarjan), each sorted, largest first. */
export function featureCycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };

  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return components.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

function describeCycles(graph: Map<string, Map<string, string>>, cycles: string[][]): string {
  return cycles
    .map((members) => {
      const inside = new Set(members);
      const lines = members.flatMap((from) =>
        [...(graph.get(from) ?? [])]
          .filter(([to]) => inside.has(to))
          .map(([to, example]) => `    ${from} → ${to}  (${example})`),
      );
      return `  cycle: ${members.join(', ')}\n${lines.join('\n')}`;
    })
    .join('\n');
}

describe('the import graph of the feature folders', () => {
  it('reads static, type-only and re-export imports, and ignores comments', () => {
    const source = [
      "import { a } from '../x/x.usecases.js';",
      "import type { B } from '../y/y.rules.js';",
      "export { c } from './c.js';",
      "import '../side/effect.js';",
      "// import { gone } from '../commented/out.js';",
      "import {\n  d,\n  e,\n} from '../z/z.repository.js';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      '../x/x.usecases.js',
      '../y/y.rules.js',
      './c.js',
      '../side/effect.js',
      '../z/z.repository.js',
    ]);
  });

  it('finds a loop through three features and ignores one-way edges', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a → b']])],
      ['b', new Map([['c', 'b → c']])],
      ['c', new Map([['a', 'c → a']])],
      ['d', new Map([['a', 'd → a']])],
    ]);
    expect(featureCycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has no two feature folders that import each other, directly or through a cycle', () => {
    const graph = featureGraph(modulesDir);
    expect(graph.size).toBeGreaterThan(10);
    const cycles = featureCycles(graph);
    expect(cycles, describeCycles(graph, cycles)).toEqual([]);
  });
});
