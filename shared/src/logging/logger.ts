import { pino, type DestinationStream, type LevelWithSilent, type Logger as PinoLogger } from 'pino';
import { logContext } from './log-context';
import { redactPersonalData } from './redact-personal-data';

/** Structured JSON-lines logger. Fields named like personal data are redacted before writing. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Where a logger writes its lines instead of stdout and stderr (tests read them). */
export interface LogSink {
  write(line: string): void;
}

const LEVELS: ReadonlySet<string> = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** `LOG_LEVEL` as pino names it; anything else (unset, a typo) logs from `info`. */
function levelFromEnv(): LevelWithSilent {
  const level = (process.env['LOG_LEVEL'] ?? 'info').toLowerCase();
  return (LEVELS.has(level) ? level : 'info') as LevelWithSilent;
}

/** Info and below on stdout, warnings and errors on stderr, each line once. */
function standardStreams(): DestinationStream {
  return pino.multistream(
    [
      { level: 'trace', stream: process.stdout },
      { level: 'warn', stream: process.stderr },
    ],
    { dedupe: true },
  );
}

/**
 * Creates a pino logger bound to a service name, writing one JSON object a line
 * (`{"level":"info","t":"<ISO time>","service":…,"msg":…,…fields}`): info on stdout, warnings and
 * errors on stderr, or every line to `sink`. `LOG_LEVEL` (read now) sets the lowest level written:
 * `silent` mutes it (tests), `warn` keeps only warnings and errors, `error` only errors. Fields
 * named like personal data are redacted at any depth, in child bindings too; lines written inside
 * a request carry its `traceId` ({@link logContext}).
 */
export function createLogger(service: string, base: Record<string, unknown> = {}, sink?: LogSink): Logger {
  const logger = pino(
    {
      level: levelFromEnv(),
      base: { service, ...base },
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      mixin: () => ({ ...logContext.fields() }), // a fresh object: pino merges the line's fields into it
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactPersonalData(bindings),
        log: (fields) => redactPersonalData(fields),
      },
    },
    sink ?? standardStreams(),
  );
  return wrap(logger);
}

function wrap(logger: PinoLogger): Logger {
  return {
    info: (message, fields) => (fields ? logger.info(fields, message) : logger.info(message)),
    warn: (message, fields) => (fields ? logger.warn(fields, message) : logger.warn(message)),
    error: (message, fields) => (fields ? logger.error(fields, message) : logger.error(message)),
    // pino formats only the root's bindings: a child's are redacted here
    child: (fields) => wrap(logger.child(redactPersonalData(fields))),
  };
}
