import { Client } from 'pg';

/** The loading connections, and whether triggers and foreign-key checks are off on them. */
export interface LoadSession {
  clients: Client[];
  /** `session_replication_role = replica` took: triggers (append-only guards, rollups) and FK checks are off. */
  replica: boolean;
  close(): Promise<void>;
}

/**
 * Opens the (at most two: the machine has two cores) loading connections: commits do not wait
 * for the disk (the load is rerun from scratch if it fails), and, where the role may, the session
 * acts as a replica so per-row triggers and foreign-key checks stay quiet during the load.
 */
export async function openLoadSession(url: string, connections = 2): Promise<LoadSession> {
  const clients: Client[] = [];
  let replica = true;
  for (let i = 0; i < connections; i++) {
    const c = new Client({ connectionString: url, application_name: 'sunlight-generate' });
    // A dropped connection fails the query in flight; without a listener it would also crash the process.
    c.on('error', () => undefined);
    await c.connect();
    await c.query('SET synchronous_commit = off');
    try {
      await c.query('SET session_replication_role = replica');
    } catch {
      replica = false; // not a superuser: triggers fire, and the writer keeps foreign keys in order
    }
    clients.push(c);
  }
  return { clients, replica, close: async () => void (await Promise.all(clients.map((c) => c.end()))) };
}
