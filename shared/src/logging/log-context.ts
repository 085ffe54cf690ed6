import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/**
 * Fields every log line written inside a run carries (a request's `traceId`), whichever logger
 * writes it: the HTTP handler runs each request in one, so an error logged deep inside a resolver
 * is found by the request's trace id.
 */
export const logContext = {
  run<T>(fields: Readonly<Record<string, unknown>>, fn: () => T): T {
    return storage.run(fields, fn);
  },
  /** The fields of the run in force here, if any. */
  fields(): Readonly<Record<string, unknown>> | undefined {
    return storage.getStore();
  },
};
