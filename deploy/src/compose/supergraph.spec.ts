import fs from 'node:fs';
import { composeSupergraph } from './compose-supergraph';
import { SUPERGRAPH_PATH } from './supergraph-path';

describe('committed supergraph', () => {
  it('matches what the subgraphs compose to now (run `npm run compose` when this fails)', async () => {
    const sdl = await composeSupergraph();
    expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(sdl);
  });

  it('keeps the entity keys (type-graphql directives survive printing)', async () => {
    const sdl = await composeSupergraph();
    const unit = /type Unit\s+((?:@join__type\([^)]*\)\s*)+)/.exec(sdl)?.[1] ?? '';
    expect(unit).toContain('@join__type(graph: POWERS, key: "code")');
    expect(unit).toContain('@join__type(graph: CASES, key: "code")');
    const kase = /type Case\s+((?:@join__type\([^)]*\)\s*)+)/.exec(sdl)?.[1] ?? '';
    expect(kase).toContain('@join__type(graph: CASES, key: "id")');
    expect(sdl).toContain('key: "id version"');
  });
});
