import net from 'node:net';

/**
 * Throws when something already listens on one of `ports` at 127.0.0.1: the benchmark would
 * otherwise measure (and file cases into) whatever stack answers there.
 */
export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  const taken = (
    await Promise.all(
      ports.map(
        (port) =>
          new Promise<number | null>((resolve) => {
            const socket = net.connect({ host: '127.0.0.1', port });
            socket.once('connect', () => {
              socket.destroy();
              resolve(port);
            });
            socket.once('error', () => resolve(null));
          }),
      ),
    )
  ).filter((p): p is number => p !== null);
  if (taken.length)
    throw new Error(
      `ports ${taken.join(', ')} are in use on 127.0.0.1: stop that stack, or run the benchmark in its own network namespace (see the README)`,
    );
}
