/** Structured JSON-lines logger. Fields named like personal data are redacted before writing. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const REDACTED_KEYS = /^(password|token|authorization|secret|idNumber|phone|applicantName|reporterName|contact)$/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = REDACTED_KEYS.test(key) ? '[redacted]' : value;
  return out;
}

/**
 * Creates a logger bound to a service name. `LOG_LEVEL=silent` mutes it (tests); `warn` keeps
 * only warnings and errors.
 */
export function createLogger(service: string, base: Record<string, unknown> = {}): Logger {
  const level = process.env['LOG_LEVEL'] ?? 'info';
  const write = (severity: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}) => {
    if (level === 'silent') return;
    if (level === 'warn' && severity === 'info') return;
    if (level === 'error' && severity !== 'error') return;
    const line = JSON.stringify({
      t: new Date().toISOString(),
      level: severity,
      service,
      msg: message,
      ...redact({ ...base, ...fields }),
    });
    (severity === 'info' ? process.stdout : process.stderr).write(line + '\n');
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(service, { ...base, ...fields }),
  };
}
