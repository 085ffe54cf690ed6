import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { planTopology } from './cluster-topology';

const subgraphs = SUBGRAPH_DIRECTORY.map(({ name, port }) => ({ name, port, main: `services/${name}/dist/main.js` }));

describe('planTopology', () => {
  it('npm start: one process of each on the ports clients use, no balancer', () => {
    const t = planTopology(subgraphs, { gatewayPort: 4000, replicas: 1, portBase: 4100 });
    expect(t.balancers).toEqual([]);
    expect(t.gateways).toEqual([{ name: 'gateway', port: 4000 }]);
    expect(t.subgraphs.map((s) => s.replicas)).toEqual(SUBGRAPH_DIRECTORY.map(({ name, port }) => [{ name, port }]));
  });

  it('start:cluster: balancers on those ports, every replica on a port of its own', () => {
    const t = planTopology(subgraphs, { gatewayPort: 4000, replicas: 2, portBase: 4100 });
    expect(t.gateways).toEqual([
      { name: 'gateway-1', port: 4100 },
      { name: 'gateway-2', port: 4101 },
    ]);
    expect(t.subgraphs.find((s) => s.name === 'cases')!.replicas).toEqual([
      { name: 'cases-1', port: 4120 },
      { name: 'cases-2', port: 4121 },
    ]);
    expect(t.balancers.map(({ name, port }) => [name, port])).toEqual([
      ...SUBGRAPH_DIRECTORY.map(({ name, port }) => [name, port]),
      ['gateway', 4000],
    ]);
    const ports = [
      ...t.balancers.map((b) => b.port),
      ...t.gateways.map((g) => g.port),
      ...t.subgraphs.flatMap((s) => s.replicas.map((r) => r.port)),
    ];
    expect(new Set(ports).size).toBe(ports.length);
  });
});
