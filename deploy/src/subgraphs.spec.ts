import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { SUBGRAPHS } from './subgraphs';

describe('the deploy list', () => {
  it('holds every directory line, in order, each with the definition of its own package', () => {
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(SUBGRAPH_DIRECTORY.map((s) => s.name));
    for (const s of SUBGRAPHS) expect(s.definition.name).toBe(s.name);
  });

  it('declares each listed service as a dependency of deploy, which loads it by name', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const missing = SUBGRAPH_DIRECTORY.map((s) => `@sunlight/${s.name}`).filter((name) => !pkg.dependencies[name]);
    expect(missing).toEqual([]);
  });
});
