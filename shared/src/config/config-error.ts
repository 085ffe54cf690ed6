/**
 * Thrown at start when environment variables are invalid; lists every bad value at once.
 * Invariant: the message is one line (problems joined by "; "), each problem naming its variable,
 * so a process prints it as one line and no stack trace (README: "Configuration").
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.map((p) => p.replace(/\s*\n\s*/g, ' ')).join('; ')}`);
    this.name = 'ConfigError';
  }
}
