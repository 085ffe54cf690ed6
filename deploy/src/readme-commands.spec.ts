import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Every `npm run NAME` and `npm start` / `npm test` that README.md tells a reader to type. */
function readmeCommands(readme: string): string[] {
  const names = new Set<string>();
  for (const m of readme.matchAll(/\bnpm run (?:-s )?([a-z][\w:-]*)/g)) names.add(m[1]!);
  for (const m of readme.matchAll(/\bnpm (start|test)\b/g)) names.add(m[1]!);
  return [...names].sort();
}

describe('README.md', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it('names only commands that exist as scripts of the root package', () => {
    const commands = readmeCommands(readme);
    expect(commands).toEqual(expect.arrayContaining(['start', 'test', 'bench', 'generate', 'token']));
    expect(commands.filter((c) => !(c in scripts))).toEqual([]);
  });

  it('finds a command that is missing', () => {
    expect(readmeCommands('run `npm run -s nosuch -- --x` then `npm test`')).toEqual(['nosuch', 'test']);
  });
});
