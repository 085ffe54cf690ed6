import { ConfigError } from './config-error';

/** Parses one environment variable; returns the value or throws a message naming what is wrong. */
export type EnvParser<T> = (raw: string | undefined, name: string) => T;

/** Parsers for the kinds of value Sunlight's configuration uses. */
export const env = {
  string(defaultValue?: string): EnvParser<string> {
    return (raw, name) => {
      const value = raw === undefined || raw === '' ? defaultValue : raw;
      if (value === undefined) throw new Error(`${name} is required`);
      return value;
    };
  },
  optionalString(): EnvParser<string | undefined> {
    return (raw) => (raw === undefined || raw === '' ? undefined : raw);
  },
  port(defaultValue: number): EnvParser<number> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return defaultValue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new Error(`${name} must be a port number 0-65535, got "${raw}"`);
      return n;
    };
  },
  int(defaultValue: number, min: number, max: number): EnvParser<number> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return defaultValue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${name} must be an integer ${min}-${max}, got "${raw}"`);
      return n;
    };
  },
  oneOf<T extends string>(values: readonly T[], defaultValue: T): EnvParser<T> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return defaultValue;
      if (!(values as readonly string[]).includes(raw))
        throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
      return raw as T;
    };
  },
  postgresUrl(): EnvParser<string | undefined> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return undefined;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Error(`${name} must be a URL like postgres://user@host:5432/db`);
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
        throw new Error(`${name} must use the postgres:// scheme, got "${url.protocol}"`);
      return raw;
    };
  },
  /** One NATS server URL or a comma-separated list of them (`nats://host:4222`, or `tls://`). */
  natsUrl(): EnvParser<string | undefined> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return undefined;
      for (const part of raw.split(',')) {
        let url: URL;
        try {
          url = new URL(part.trim());
        } catch {
          throw new Error(`${name} must be a URL like nats://host:4222 (or a comma-separated list of them)`);
        }
        if (url.protocol !== 'nats:' && url.protocol !== 'tls:')
          throw new Error(`${name} must use the nats:// or tls:// scheme, got "${url.protocol}"`);
      }
      return raw;
    };
  },
  /** A string every character of which `pattern` accepts (a name), or the default. */
  matching(pattern: RegExp, what: string, defaultValue: string): EnvParser<string> {
    return (raw, name) => {
      if (raw === undefined || raw === '') return defaultValue;
      if (!pattern.test(raw)) throw new Error(`${name} must be ${what}, got "${raw}"`);
      return raw;
    };
  },
};

/**
 * Reads a whole configuration object from `source` (default `process.env`) with one parser per
 * key, collecting every problem before failing with a {@link ConfigError}.
 */
export function readEnv<S extends Record<string, EnvParser<unknown>>>(
  spec: S,
  source: NodeJS.ProcessEnv = process.env,
): { [K in keyof S]: ReturnType<S[K]> } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, parse] of Object.entries(spec)) {
    try {
      out[name] = parse(source[name], name);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as { [K in keyof S]: ReturnType<S[K]> };
}
