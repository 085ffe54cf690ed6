/**
 * Keys whose values are personal data or secrets (case-insensitive): never written to a log, at
 * any depth of the fields.
 */
export const PERSONAL_DATA_KEYS =
  /^(password|token|authorization|secret|idNumber|phone|applicantName|reporterName|contact)$/i;

/** What a redacted value is written as. */
export const REDACTED = '[redacted]';

/** Deeper than this, a plain object or array is written as `[truncated]` rather than walked. */
const MAX_DEPTH = 6;

/**
 * `value` with every field named like personal data ({@link PERSONAL_DATA_KEYS}) replaced by
 * {@link REDACTED}, in plain objects and arrays at any depth. Copies only what it changes: fields
 * with nothing to redact come back as the same object, so a log line costs no copy.
 */
export function redactPersonalData<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return '[truncated]' as T;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = redactPersonalData(item, depth + 1);
      if (redacted !== item) (copy ??= value.slice())[i] = redacted;
    }
    return (copy ?? value) as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Dates, Buffers, errors: as pino writes them
  if (depth >= MAX_DEPTH) return '[truncated]' as T;
  const fields = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    const redacted = PERSONAL_DATA_KEYS.test(key) ? REDACTED : redactPersonalData(field, depth + 1);
    if (redacted !== field) (copy ??= { ...fields })[key] = redacted;
  }
  return (copy ?? value) as T;
}
