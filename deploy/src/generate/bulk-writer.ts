import type { Client } from 'pg';

/** A table the generator loads: its columns with their Postgres types, in row order. */
export interface TableSpec {
  /** Schema-qualified, quoted where needed: `cases."case"`. */
  name: string;
  columns: readonly (readonly [column: string, type: string])[];
  /** Tables whose rows these reference, written first when foreign keys are checked. */
  after?: readonly string[];
  /** Rows per INSERT (default 5000). */
  batch?: number;
}

interface Buffer {
  spec: TableSpec;
  cols: unknown[][];
  rows: number;
}

interface Job {
  spec: TableSpec;
  cols: unknown[][];
  rows: number;
}

/** jsonb and array columns travel as text and are cast in the SELECT: unnest flattens nested arrays. */
function passedAsText(type: string): boolean {
  return type === 'jsonb' || type.endsWith('[]');
}

/** Types whose values never need quoting inside an array literal (numbers, ids, ISO dates and times). */
const PLAIN = new Set(['uuid', 'int', 'smallint', 'bigint', 'bool', 'timestamptz', 'date']);

/** A text value already quoted for an array literal: a long value repeated on many rows is escaped once. */
export class QuotedText {
  readonly element: string;

  constructor(text: string) {
    this.element = `"${text.replace(/["\\]/g, '\\$&')}"`;
  }
}

/**
 * A column's values as one Postgres array literal, built here rather than by node-postgres (which
 * escapes every element with two regular expressions): plain values joined as they are, text
 * double-quoted with quotes and backslashes escaped where present, NULL for null.
 */
export function arrayLiteral(values: readonly unknown[], plain: boolean): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (plain) parts[i] = typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
    else if (v instanceof QuotedText) parts[i] = v.element;
    else {
      const text = Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : String(v);
      parts[i] = text.includes('"') || text.includes('\\') ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

function insertSql(spec: TableSpec): string {
  const names = spec.columns.map(([c]) => c).join(', ');
  const params = spec.columns.map(([, t], i) => `$${i + 1}::${passedAsText(t) ? 'text' : t}[]`).join(', ');
  const select = spec.columns.map(([, t], i) => (passedAsText(t) ? `c${i}::${t}` : `c${i}`)).join(', ');
  const alias = spec.columns.map((_, i) => `c${i}`).join(', ');
  return `INSERT INTO ${spec.name} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${alias})`;
}

/**
 * Loads rows in batches of multi-row `INSERT … SELECT FROM unnest($1::type[], …)` over a few
 * connections, while the caller keeps generating: `add` buffers a row, full buffers become jobs,
 * `pace` yields to the connections and holds the caller back when too many jobs wait.
 * With `ordered`, jobs run one at a time and a table's `after` tables are flushed before it, so
 * foreign keys hold at every commit.
 */
export class BulkWriter {
  private readonly buffers = new Map<string, Buffer>();
  private readonly queue: Job[] = [];
  private readonly statements = new Map<string, { name: string; text: string }>();
  private readonly waiting: (() => void)[] = [];
  private readonly idle: Client[];
  private failure: unknown;
  private running = 0;
  readonly counts = new Map<string, number>();

  constructor(
    clients: readonly Client[],
    private readonly options: { ordered: boolean; maxQueued?: number } = { ordered: false },
  ) {
    this.idle = options.ordered ? clients.slice(0, 1) : [...clients];
  }

  add(spec: TableSpec, row: readonly unknown[]): void {
    let b = this.buffers.get(spec.name);
    if (!b) {
      b = { spec, cols: spec.columns.map(() => []), rows: 0 };
      this.buffers.set(spec.name, b);
    }
    for (let i = 0; i < row.length; i++) b.cols[i]!.push(row[i]);
    b.rows++;
    if (b.rows >= (spec.batch ?? 5000)) this.flush(spec.name);
  }

  private flush(name: string): void {
    const b = this.buffers.get(name);
    if (!b || b.rows === 0) return;
    if (this.options.ordered) for (const parent of b.spec.after ?? []) this.flush(parent);
    this.queue.push({ spec: b.spec, cols: b.cols, rows: b.rows });
    b.cols = b.spec.columns.map(() => []);
    b.rows = 0;
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const client = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running++;
      void this.run(client, job).finally(() => {
        this.running--;
        this.idle.push(client);
        this.waiting.splice(0).forEach((w) => w());
        this.pump();
      });
    }
  }

  private async run(client: Client, job: Job): Promise<void> {
    let statement = this.statements.get(job.spec.name);
    if (!statement) {
      statement = { name: `gen_${this.statements.size}`, text: insertSql(job.spec) };
      this.statements.set(job.spec.name, statement);
    }
    try {
      const values = job.cols.map((col, i) => arrayLiteral(col, PLAIN.has(job.spec.columns[i]![1])));
      await client.query({ name: statement.name, text: statement.text, values });
      this.counts.set(job.spec.name, (this.counts.get(job.spec.name) ?? 0) + job.rows);
    } catch (e) {
      this.failure ??= new Error(`loading ${job.spec.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Lets the connections work; waits while more than `maxQueued` jobs are queued. */
  async pace(): Promise<void> {
    this.check();
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > (this.options.maxQueued ?? 3)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.check();
    }
  }

  /** Writes every buffered row of `names` (all tables when omitted) and waits until all is written. */
  async flushAll(names?: readonly string[]): Promise<void> {
    for (const name of names ?? [...this.buffers.keys()]) this.flush(name);
    while (this.queue.length > 0 || this.running > 0) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.check();
  }
}
