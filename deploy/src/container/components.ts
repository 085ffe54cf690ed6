import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';

/** What the image runs: a long-lived process (a subgraph, the gateway) or a one-off command. */
export interface Component {
  /** Compiled entry point, relative to the repository root (the image's working directory). */
  main: string;
  /** True for a server that a Deployment runs; false for a command run once (`kubectl run`, a Job). */
  serves: boolean;
}

/**
 * Every component the container image accepts as its first argument: each subgraph of the
 * directory, the gateway, and the operator's commands that work against an external database.
 * None of them starts the embedded PostgreSQL (`npm start`'s launcher is not here).
 */
export const COMPONENTS: Readonly<Record<string, Component>> = {
  ...Object.fromEntries(
    SUBGRAPH_DIRECTORY.map(({ name }) => [name, { main: `services/${name}/dist/main.js`, serves: true }]),
  ),
  gateway: { main: 'gateway/dist/main.js', serves: true },
  admin: { main: 'deploy/dist/local/admin.js', serves: false },
  'db-roles': { main: 'deploy/dist/local/db-roles.js', serves: false },
  'k8s-secrets': { main: 'deploy/dist/k8s/secrets-command.js', serves: false },
};
