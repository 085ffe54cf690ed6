import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';

/** Where the processes the image runs read their configuration (the launcher's own is not in a pod). */
const SOURCE_ROOTS = ['shared/src', 'gateway/src', ...SUBGRAPH_DIRECTORY.map(({ name }) => `services/${name}/src`)];

/** Read by Node itself rather than by Sunlight's code. */
const RUNTIME_NAMES = ['NODE_OPTIONS'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : sourceFiles(full);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/**
 * The environment variable names a text of TypeScript reads: the keys of a `readEnv({ NAME:
 * env.… })` spec, `process.env['NAME']` / `process.env.NAME`, and a name built in a template
 * (`SUBGRAPH_${name}_URL`), given as the names it makes for each subgraph of the directory.
 */
export function envNamesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b([A-Z][A-Z0-9_]+):\s*env\./g)) names.add(m[1]!);
  for (const m of text.matchAll(/process\.env(?:\[\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\]|\.([A-Z][A-Z0-9_]+))/g))
    names.add((m[1] ?? m[2])!);
  for (const m of text.matchAll(/`([A-Z][A-Z0-9_]*_)?\$\{[^}`]+\}(_[A-Z0-9_]*)?`/g)) {
    if (!m[1] && !m[2]) continue;
    for (const { name } of SUBGRAPH_DIRECTORY) names.add(`${m[1] ?? ''}${name.toUpperCase()}${m[2] ?? ''}`);
  }
  return [...names];
}

/** Every environment variable name that the subgraphs, the gateway or Node read (found in `root`'s sources). */
export function acceptedEnvNames(root: string): Set<string> {
  const names = new Set(RUNTIME_NAMES);
  for (const dir of SOURCE_ROOTS)
    for (const file of sourceFiles(path.join(root, dir)))
      for (const name of envNamesIn(fs.readFileSync(file, 'utf8'))) names.add(name);
  return names;
}
