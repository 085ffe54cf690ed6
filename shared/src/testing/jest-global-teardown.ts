/** jest globalTeardown: stops the run's PostgreSQL (jest requires a default export here). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__SUNLIGHT_STOP_PG__?.();
}
