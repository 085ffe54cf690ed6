/**
 * PostgreSQL did not start; `logTail` holds the server's own last log lines (its FATAL line among
 * them), which the message carries too, so whoever prints the error shows PostgreSQL's reason.
 */
export class PostgresStartError extends Error {
  constructor(
    readonly dir: string,
    readonly port: number,
    readonly logTail: readonly string[],
    reason = 'exited',
  ) {
    super(
      `PostgreSQL did not start (${reason}; data ${dir}, port ${port})` +
        (logTail.length > 0 ? `; its last messages:\n${logTail.map((l) => `  postgres: ${l}`).join('\n')}` : ''),
    );
    this.name = 'PostgresStartError';
  }
}
