import type { PowersLookup } from '../clients/powers-client';
import type { PowerSnapshot } from '../clients/power-snapshot';

/**
 * The powers service as the cases service sees it (`PowersLookup`), held in memory: what is
 * published answers, anything else is null, and `goDown()` makes every call fail as an
 * unreachable neighbour would.
 */
export class StubPowers implements PowersLookup {
  private readonly published = new Map<string, PowerSnapshot>();
  private down = false;
  calls = 0;

  publish(snapshot: PowerSnapshot): PowerSnapshot {
    this.published.set(snapshot.id, snapshot);
    return snapshot;
  }

  retire(powerId: string): void {
    this.published.delete(powerId);
  }

  goDown(): void {
    this.down = true;
  }

  comeBack(): void {
    this.down = false;
  }

  async publishedSnapshot(powerId: string): Promise<PowerSnapshot | null> {
    this.calls++;
    if (this.down) throw new Error('connect ECONNREFUSED (stub powers is down)');
    return this.published.get(powerId) ?? null;
  }
}
