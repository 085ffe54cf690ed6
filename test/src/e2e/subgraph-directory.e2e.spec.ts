import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPHS } from '@sunlight/deploy';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { startStack } from '../support/start-stack';

const ROOT = path.resolve(__dirname, '../../..');
// The root's jest settings are plain CommonJS, read as jest reads them.
const jestBase = require(path.join(ROOT, 'jest.base.js')) as {
  (dir: string): { moduleNameMapper: Record<string, string> };
  workspaceModuleMapper(root: string): Record<string, string>;
};
const NAMES = SUBGRAPH_DIRECTORY.map((a) => a.name);

/** The names of the packages under `services/` that a module mapper sends to their sources. */
function mappedServices(mapper: Record<string, string>, root: string): string[] {
  return Object.entries(mapper)
    .filter(([, file]) => path.relative(path.join(root, 'services'), file).split(path.sep).length === 3)
    .map(([pattern]) => /^\^@sunlight\/([a-z]+)\$$/.exec(pattern)?.[1] ?? pattern);
}

describe('the subgraph directory drives every list of subgraphs', () => {
  it('names exactly the service folders, each the package @sunlight/<name>', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'services'))
      .filter((f) => fs.existsSync(path.join(ROOT, 'services', f, 'package.json')));
    expect([...NAMES].sort()).toEqual(folders.sort());
    for (const name of NAMES)
      expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'services', name, 'package.json'), 'utf8')).name).toBe(
        `@sunlight/${name}`,
      );
  });

  it('is what the launcher and the supergraph read: names, ports, URLs, variables and entry points', () => {
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(NAMES);
    for (const [i, s] of SUBGRAPHS.entries()) {
      expect({ name: s.name, port: s.port, url: s.url, urlVariable: s.urlVariable }).toEqual(SUBGRAPH_DIRECTORY[i]);
      expect(s.definition.name).toBe(s.name);
      expect(s.main).toBe(`services/${s.name}/dist/main.js`);
    }
  });

  it('is what jest maps to sources, because jest maps whatever workspace folders there are', () => {
    const mapper = jestBase(path.join(ROOT, 'test')).moduleNameMapper;
    expect(mappedServices(mapper, ROOT).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES)
      expect(mapper[`^@sunlight/${name}$`]).toBe(path.join(ROOT, 'services', name, 'src/index.ts'));
    expect(mapper['^@sunlight/shared/testing$']).toBe(path.join(ROOT, 'shared/src/testing/index.ts'));

    // A repository with other services gets other lines, with nothing to edit.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'workspaces-'));
    try {
      fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ workspaces: ['services/*'] }));
      for (const name of ['sixth', 'seventh']) {
        fs.mkdirSync(path.join(other, 'services', name), { recursive: true });
        fs.writeFileSync(
          path.join(other, 'services', name, 'package.json'),
          JSON.stringify({ name: `@sunlight/${name}`, types: 'src/index.ts' }),
        );
      }
      expect(mappedServices(jestBase.workspaceModuleMapper(other), other).sort()).toEqual(['seventh', 'sixth']);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('is what the test stack starts, in its order', async () => {
    const stack = await startStack();
    try {
      expect(Object.keys(stack.subgraphs)).toEqual(NAMES);
      expect(Object.values(stack.subgraphs).map((s) => s.name)).toEqual(NAMES);
    } finally {
      await stack.stop();
    }
  });
});
