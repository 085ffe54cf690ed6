import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { ASSERTION_HEADER, loadPlatformConfig, loadSecrets, TokenService, type Principal } from '@sunlight/shared';

/**
 * The benchmark's peer: Hive Gateway in a process of its own, on the same supergraph and the same
 * running subgraphs as ours. Like ours, it verifies the caller's token once per request and sends
 * every subgraph request a fresh assertion of the caller (subgraphs refuse requests without one).
 * Prints `ready` once it listens on HIVE_PORT (4100).
 */
const port = Number(process.env['HIVE_PORT'] ?? 4100);
const supergraph = process.env['SUPERGRAPH_PATH'];
if (!supergraph) throw new Error('SUPERGRAPH_PATH is required');
const secrets = loadSecrets(loadPlatformConfig());
const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
const callers = new WeakMap<Request, Promise<Principal | undefined>>();

function callerOf(request: Request): Promise<Principal | undefined> {
  let caller = callers.get(request);
  if (!caller) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    caller = bearer ? tokens.verify(bearer).then((v) => v.principal) : Promise.resolve(undefined);
    callers.set(request, caller);
  }
  return caller;
}

const gateway = createGatewayRuntime({
  supergraph,
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request }) => {
      const caller = await callerOf(request);
      return caller ? { [ASSERTION_HEADER]: await tokens.assert(caller) } : {};
    },
  },
});

const server = createServer(gateway).listen(port, '127.0.0.1', () => process.stdout.write(`ready on ${port}\n`));
// The runtime's own terminate handler disposes of it but leaves our listener up: end the process here.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void Promise.resolve(gateway.dispose()).finally(() => process.exit(0)));
});
