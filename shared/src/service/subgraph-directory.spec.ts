import { subgraphAddress } from './subgraph-address';
import { SUBGRAPH_DIRECTORY } from './subgraph-directory';
import { subgraphUrl } from './subgraph-url';

describe('the subgraph directory', () => {
  it('names each subgraph once, in lower-case letters, on a port of its own that is not the gateway’s', () => {
    const names = SUBGRAPH_DIRECTORY.map((a) => a.name);
    const ports = SUBGRAPH_DIRECTORY.map((a) => a.port);
    for (const name of names) expect(name).toMatch(/^[a-z]+$/);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).not.toContain(4000);
  });

  it('derives each URL variable and default URL from the name and port', () => {
    for (const { name, port, url, urlVariable } of SUBGRAPH_DIRECTORY) {
      expect(urlVariable).toBe(`SUBGRAPH_${name.toUpperCase()}_URL`);
      expect(url).toBe(`http://127.0.0.1:${port}/graphql`);
    }
  });

  it('keeps the ports the first five services have always used, in their start order', () => {
    const first = SUBGRAPH_DIRECTORY.filter((a) =>
      ['powers', 'cases', 'evaluations', 'complaints', 'alerts'].includes(a.name),
    );
    expect(first.map(({ name, port }) => [name, port])).toEqual([
      ['powers', 4001],
      ['cases', 4002],
      ['evaluations', 4003],
      ['complaints', 4004],
      ['alerts', 4005],
    ]);
    expect(subgraphAddress('cases')).toEqual({
      name: 'cases',
      port: 4002,
      url: 'http://127.0.0.1:4002/graphql',
      urlVariable: 'SUBGRAPH_CASES_URL',
    });
  });

  it('reads a subgraph’s URL from its variable, with the directory’s default when unset or empty', () => {
    expect(subgraphUrl('powers', { SUBGRAPH_POWERS_URL: 'http://powers.internal:8080/graphql' })).toBe(
      'http://powers.internal:8080/graphql',
    );
    expect(subgraphUrl('powers', { SUBGRAPH_CASES_URL: 'http://cases.internal/graphql' })).toBe(
      'http://127.0.0.1:4001/graphql',
    );
    expect(subgraphUrl('alerts', { SUBGRAPH_ALERTS_URL: '' })).toBe('http://127.0.0.1:4005/graphql');
  });
});
