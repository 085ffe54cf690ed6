import path from 'node:path';
import {
  ConfigError,
  createLogger,
  ensureDatabase,
  loadPlatformConfig,
  loadSecrets,
  MAX_REQUEST_BODY_BYTES,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@sunlight/shared';
import { loadActivityConfig, type ActivityConfig } from '../demo/activity/activity-config';
import { activityBannerLines, launchDemoActivity } from '../demo/activity/launch-activity';
import type { ActivitySimulator } from '../demo/activity/activity-simulator';
import { SUBGRAPHS } from '../subgraphs';
import { Balancer } from './balancer';
import { planTopology } from './cluster-topology';
import { lockDataDir } from './data-dir-lock';
import { prepareDemoStart } from './demo-database-start';
import { loadLauncherConfig } from './launcher-config';
import { stopOrphanedPostmaster } from './orphan-postmaster';
import { portsInUse, type PlannedPort } from './port-guard';
import { nodeArgs, Supervisor } from './supervisor';

const ROOT = path.resolve(__dirname, '../../..');
const logger = createLogger('launcher');
/** The largest request a balancer buffers: what the gateway accepts, plus room for its headers. */
const BALANCER_MAX_BODY_BYTES = MAX_REQUEST_BODY_BYTES + 1024 * 1024;
/** How often a balancer asks each replica's /readyz. */
const READINESS_CHECK_MS = 200;

/** Prints one line for a person and exits with status 1: nothing was started. */
function refuse(message: string): never {
  process.stderr.write(`launcher: ${message}\n`);
  process.exit(1);
}

/**
 * What a failure says to a person: its message, never a stack. A ConfigError, a DataDirInUseError,
 * a ServiceExitedError and a PostgresStartError (PostgreSQL's own last lines) are written to be read.
 */
function explain(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The platform's, the launcher's and the demo activity's settings, every bad variable of all in one ConfigError. */
function readConfiguration(): [
  ReturnType<typeof loadPlatformConfig>,
  ReturnType<typeof loadLauncherConfig>,
  ActivityConfig,
] {
  const problems: string[] = [];
  const read = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  };
  const platform = read(loadPlatformConfig);
  const own = read(loadLauncherConfig);
  const activity = read(() => loadActivityConfig());
  if (!platform || !own || !activity) throw new ConfigError(problems);
  return [platform, own, activity];
}

/**
 * `npm start`: PostgreSQL (embedded under DATA_DIR unless DATABASE_URL is set); outside production
 * the demo city (migrations, catalog and, on the first start, twelve months of history: see
 * {@link prepareDemoStart}); every subgraph as its own process (migrating), then the
 * gateway, all kept running by the {@link Supervisor}. Before anything starts it refuses, in one
 * line, a bad variable, a DATA_DIR another launcher holds and ports in use. Ctrl-C or SIGTERM
 * drains and stops them all, PostgreSQL last; a second Ctrl-C kills them at once.
 *
 * `npm run start:cluster` (`cluster: true`): the same with `CLUSTER_REPLICAS` (2) processes of
 * every subgraph and of the gateway, each set behind a round-robin {@link Balancer} in this
 * process on the port `npm start` gives it (see {@link planTopology}).
 */
export async function launch(options: { cluster: boolean }): Promise<void> {
  const started = Date.now();
  let platform: ReturnType<typeof loadPlatformConfig>;
  let own: ReturnType<typeof loadLauncherConfig>;
  let activityConfig: ActivityConfig;
  try {
    [platform, own, activityConfig] = readConfiguration();
    lockDataDir(platform.dataDir);
  } catch (e) {
    return refuse(explain(e));
  }
  if (!platform.databaseUrl) {
    // Holding the lock, a server still running on our data directory is a killed launcher's orphan.
    const dir = path.join(platform.dataDir, 'pg');
    const orphan = await stopOrphanedPostmaster(dir, own.shutdownGraceMs);
    if (orphan) logger.warn('stopped the PostgreSQL a killed launcher left running', { pid: orphan, dir });
  }
  const subgraphs = SUBGRAPHS.map((s) => ({ ...s, port: s.port + own.subgraphPortOffset }));
  const topology = planTopology(subgraphs, {
    gatewayPort: own.gatewayPort,
    replicas: options.cluster ? own.clusterReplicas : 1,
    portBase: own.clusterPortBase,
  });
  const planned: PlannedPort[] = [
    ...topology.subgraphs.flatMap((s) =>
      s.replicas.map(({ port, name }) => ({ port, host: own.subgraphHost, owner: name })),
    ),
    ...topology.gateways.map(({ port, name }) => ({ port, host: own.gatewayHost, owner: name })),
    ...topology.balancers.map(({ port, name }) => ({
      port,
      host: name === 'gateway' ? own.gatewayHost : own.subgraphHost,
      owner: `${name} balancer`,
    })),
    ...(platform.databaseUrl ? [] : [{ port: platform.embeddedPgPort, host: '127.0.0.1', owner: 'PostgreSQL' }]),
  ];
  const busy = await portsInUse(planned);
  if (busy) return refuse(busy);
  let secrets: ReturnType<typeof loadSecrets>;
  try {
    secrets = loadSecrets(platform); // generate the development keys once, before the processes read them
  } catch (e) {
    return refuse(explain(e));
  }

  let postgres: EmbeddedPostgresHandle | undefined;
  let supervisor: Supervisor | undefined;
  let activity: ActivitySimulator | undefined;
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn('second signal: killing every process', { signal });
      supervisor?.kill();
      process.exit(1);
    }
    logger.info('signal received', { signal });
    void activity?.stop(); // no new demo request reaches the draining gateway
    if (supervisor) void supervisor.shutdown(0);
    // Before the supervisor exists (migrations, demo history): nothing of ours runs but PostgreSQL.
    else if (postgres) void postgres.stop(own.shutdownGraceMs).finally(() => process.exit(0));
    else process.exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    let databaseUrl = platform.databaseUrl;
    if (!databaseUrl) {
      const dir = path.join(platform.dataDir, 'pg');
      postgres = await startEmbeddedPostgres({
        dir,
        port: platform.embeddedPgPort,
        logger,
        callerHandlesSignals: true,
      });
      await ensureDatabase(postgres.adminUrl, 'sunlight');
      databaseUrl = postgres.urlFor('sunlight');
      logger.info('embedded PostgreSQL ready', { port: platform.embeddedPgPort, dir });
    }
    // Every process learns every subgraph's URL (a service may call another, e.g. cases → powers).
    const urls = Object.fromEntries(
      subgraphs.map(({ urlVariable, port }) => [urlVariable, `http://127.0.0.1:${port}/graphql`]),
    );
    const baseEnv = {
      ...process.env,
      ...urls,
      DATABASE_URL: databaseUrl,
      DATA_DIR: platform.dataDir,
      // Behind a balancer: a stopping replica first answers /readyz with 503 for a few of its checks.
      ...(topology.balancers.length > 0 ? { DRAIN_DELAY_MS: String(5 * READINESS_CHECK_MS) } : {}),
    };
    // Before the services: they load their rollups at start, so the demo history must be there first.
    const seedDemo = await prepareDemoStart({
      databaseUrl,
      dataDir: platform.dataDir,
      production: platform.production,
      history: own.demoHistory,
      secrets,
      logger,
    });
    // Cluster: the balancers first, so that every replica reaches its neighbours through them.
    for (const b of topology.balancers) {
      const balancer = new Balancer({
        name: b.name,
        host: b.name === 'gateway' ? own.gatewayHost : own.subgraphHost,
        port: b.port,
        targets: b.targets.map(({ port }) => ({ host: '127.0.0.1', port })),
        logger,
        maxBodyBytes: BALANCER_MAX_BODY_BYTES,
        readyPath: '/readyz',
        checkMs: READINESS_CHECK_MS,
      });
      await balancer.start();
      logger.info('balancer listening', { name: b.name, port: b.port, targets: b.targets.map((t) => t.port) });
    }
    supervisor = new Supervisor({
      subgraphs: topology.subgraphs.flatMap(({ main, replicas }) =>
        replicas.map(({ name, port }) => ({
          name,
          args: nodeArgs(ROOT, own.nodeHeapMb, main),
          env: { ...baseEnv, PORT: String(port), SEED_DEMO: String(seedDemo) },
          healthUrl: `http://127.0.0.1:${port}/health`,
          up: (status: number) => status === 200,
        })),
      ),
      gateways: topology.gateways.map(({ name, port }) => ({
        name,
        args: nodeArgs(ROOT, own.nodeHeapMb, 'gateway/dist/main.js'),
        env: { ...baseEnv, GATEWAY_PORT: String(port) },
        healthUrl: `http://127.0.0.1:${port}/health`,
        // It answers 503 while a subgraph is down; answering at all means it serves.
        up: (status: number) => status === 200 || status === 503,
      })),
      postgres,
      logger,
      graceMs: own.shutdownGraceMs,
      startTimeoutMs: 120_000,
    });
    await supervisor.start();
    if (supervisor.isStopping) return;
    activity = launchDemoActivity({
      config: activityConfig,
      secrets,
      gateway: { host: own.gatewayHost, port: own.gatewayPort },
      logger,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const port = own.gatewayPort;
    process.stdout.write(
      [
        '',
        `Sunlight is ready in ${seconds} s: http://localhost:${port}/graphql`,
        ...(topology.balancers.length > 0
          ? [
              `  cluster: ${topology.gateways.length} gateways and ${topology.subgraphs[0]!.replicas.length} replicas of each subgraph behind balancers`,
            ]
          : []),
        `  health:  curl http://localhost:${port}/health`,
        '  a token: npm run -s token -- --role INSPECTOR --unit 139901000000',
        `  then:    curl -s http://localhost:${port}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
        `             -d '{"query":"{ viewer { subject role } unit(code: \\"139901000000\\") { name children { name } } }"}'`,
        ...activityBannerLines(activityConfig),
        'Ctrl-C stops everything; a crashed service is restarted.',
        '',
      ].join('\n'),
    );
  } catch (e) {
    if (supervisor?.isStopping) return; // a signal during start-up: its shutdown runs
    process.stderr.write(`launcher: ${explain(e)}\n`);
    if (supervisor) await supervisor.shutdown(1);
    await postgres?.stop(own.shutdownGraceMs);
    process.exit(1);
  }
}
