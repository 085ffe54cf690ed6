import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ComponentMetrics } from './metrics-registry';

/** The counters node-postgres keeps on a pool. */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * `sunlight_db_pool_connections{pool, state}`: the connections of each named pool in use, idle,
 * and the requests waiting for one, read from node-postgres's pool (TypeORM's `driver.master`)
 * when Prometheus scrapes.
 */
export function poolMetrics(metrics: ComponentMetrics, pools: Record<string, DataSource>): void {
  new Gauge({
    name: 'sunlight_db_pool_connections',
    help: 'Database pool connections in use and idle, and requests waiting for a connection',
    labelNames: ['pool', 'state'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [pool, ds] of Object.entries(pools)) {
        const counts = (ds.driver as unknown as { master?: PgPoolCounts }).master;
        if (!ds.isInitialized || !counts) continue;
        this.set({ pool, state: 'in_use' }, counts.totalCount - counts.idleCount);
        this.set({ pool, state: 'idle' }, counts.idleCount);
        this.set({ pool, state: 'waiting' }, counts.waitingCount);
      }
    },
  });
}
