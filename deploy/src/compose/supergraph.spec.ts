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
    expect(sdl).toMatch(/type Unit\s+@join__type\(graph: POWERS, key: "code"\)/);
    expect(sdl).toContain('key: "id version"');
  });
});
