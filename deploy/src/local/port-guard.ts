import net from 'node:net';

/** A port the stack is about to listen on, and who would listen there. */
export interface PlannedPort {
  port: number;
  host: string;
  /** `gateway`, a subgraph's name, or `PostgreSQL`. */
  owner: string;
}

/** Whether something already listens on `host:port` (or the port cannot be taken for another reason). */
function taken({ port, host }: PlannedPort): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

/**
 * The planned ports that are in use, as one line naming each port and its would-be owner, or
 * undefined when all are free. Probing by binding, the way the services themselves will, catches
 * a listener on the same address and on the wildcard alike.
 */
export async function portsInUse(planned: readonly PlannedPort[]): Promise<string | undefined> {
  const problems = (
    await Promise.all(
      planned.map(async (p) => {
        const code = await taken(p);
        if (!code) return undefined;
        return code === 'EADDRINUSE' ? `${p.port} (${p.owner})` : `${p.port} (${p.owner}: ${code})`;
      }),
    )
  ).filter((p): p is string => p !== undefined);
  if (problems.length === 0) return undefined;
  return (
    `${problems.length === 1 ? 'port' : 'ports'} in use: ${problems.join(', ')}; another stack runs there? ` +
    'Stop it, or move this one (GATEWAY_PORT, SUBGRAPH_PORT_OFFSET, EMBEDDED_PG_PORT)'
  );
}
