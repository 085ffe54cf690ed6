import fs from 'node:fs';
import path from 'node:path';

/** What the launcher leaves in DATA_DIR about the demo history it writes into a database. */
interface Marker {
  /** `host:port/database` of the database written into (no credentials). */
  database: string;
  state: 'writing' | 'written';
  at: string;
}

/** Thrown when an earlier first start was stopped while it wrote the demo history. */
export class InterruptedDemoHistoryError extends Error {}

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/**
 * The demo history is written on several connections with triggers off, and only its last step
 * (alert numbering, rollups) makes it whole, so a first start stopped halfway (Ctrl-C during the
 * load) leaves cases without the rest, and the next start, seeing cases, would never finish it.
 * The launcher therefore marks the write in DATA_DIR before it begins and after it ends; a mark
 * left at `writing` for the same database refuses the start with what to do.
 */
export class DemoHistoryMarker {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly databaseUrl: string,
  ) {
    this.file = path.join(dataDir, 'demo-history.json');
  }

  /**
   * Throws {@link InterruptedDemoHistoryError} when an earlier write into this database did not end
   * and left cases behind (one that failed before its first case is simply written again).
   */
  assertNotInterrupted(hasCases: boolean): void {
    const marker = this.read();
    if (hasCases && marker?.state === 'writing' && marker.database === where(this.databaseUrl))
      throw new InterruptedDemoHistoryError(
        `the demo history written into ${marker.database} on a first start at ${marker.at} was interrupted, ` +
          `so that database holds part of it; delete DATA_DIR (${path.dirname(this.file)}) and run npm start again`,
      );
  }

  mark(state: Marker['state']): void {
    const marker: Marker = { database: where(this.databaseUrl), state, at: new Date().toISOString() };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${JSON.stringify(marker, null, 2)}\n`);
  }

  private read(): Marker | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Marker;
    } catch {
      return null;
    }
  }
}
