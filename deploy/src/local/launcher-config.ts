import { env, readEnv } from '@sunlight/shared';

/** What `npm start` reads besides the platform's settings (README: "Configuration"). */
export interface LauncherConfig {
  gatewayPort: number;
  gatewayHost: string;
  /** Where the subgraphs listen (`HOST`). */
  subgraphHost: string;
  /** Added to each subgraph's directory port: moves the whole stack beside another one. */
  subgraphPortOffset: number;
  /** V8 old-space limit of each process. */
  nodeHeapMb: number;
  /** How long a stopping service may drain before SIGKILL (PostgreSQL gets as long). */
  shutdownGraceMs: number;
  /**
   * Outside production, whether a first start writes the demo city's twelve months of history
   * (`DEMO_HISTORY`): by default only into the embedded server; a `DATABASE_URL` server gets the
   * fabricated history only when asked for it with `DEMO_HISTORY=on`, so a real (staging) database
   * that happens to be empty never receives traces that look like real ones.
   */
  demoHistory: boolean;
  /**
   * `npm run start:cluster`: where the replicas listen (`CLUSTER_PORT_BASE`): gateway replica r at
   * base + r, replica r of the k-th subgraph of the directory at base + 10 (k + 1) + r. The
   * balancers take the ports `npm start` gives the gateway and the subgraphs.
   */
  clusterPortBase: number;
  /** `npm run start:cluster`: how many processes of each subgraph and of the gateway (`CLUSTER_REPLICAS`). */
  clusterReplicas: number;
}

/** Reads the launcher's variables; throws a one-line ConfigError naming each bad one. */
export function loadLauncherConfig(source: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const own = readEnv(
    {
      GATEWAY_PORT: env.port(4000),
      GATEWAY_HOST: env.string('127.0.0.1'),
      HOST: env.string('127.0.0.1'),
      SUBGRAPH_PORT_OFFSET: env.int(0, 0, 60_000),
      NODE_HEAP_MB: env.int(224, 64, 16_384),
      SHUTDOWN_GRACE_MS: env.int(10_000, 100, 600_000),
      DEMO_HISTORY: env.oneOf(['on', 'off', 'auto'] as const, 'auto'),
      CLUSTER_PORT_BASE: env.int(4100, 1024, 65_000),
      CLUSTER_REPLICAS: env.int(2, 1, 9),
    },
    source,
  );
  return {
    gatewayPort: own.GATEWAY_PORT,
    gatewayHost: own.GATEWAY_HOST,
    subgraphHost: own.HOST,
    subgraphPortOffset: own.SUBGRAPH_PORT_OFFSET,
    nodeHeapMb: own.NODE_HEAP_MB,
    shutdownGraceMs: own.SHUTDOWN_GRACE_MS,
    demoHistory: own.DEMO_HISTORY === 'on' || (own.DEMO_HISTORY === 'auto' && !source['DATABASE_URL']),
    clusterPortBase: own.CLUSTER_PORT_BASE,
    clusterReplicas: own.CLUSTER_REPLICAS,
  };
}
