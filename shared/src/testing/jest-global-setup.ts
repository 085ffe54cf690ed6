import { startTestPostgres } from './test-postgres';

declare global {
  var __SUNLIGHT_STOP_PG__: (() => Promise<void>) | undefined;
}

/** jest globalSetup: one PostgreSQL for the whole run (jest requires a default export here). */
export default async function globalSetup(): Promise<void> {
  globalThis.__SUNLIGHT_STOP_PG__ = await startTestPostgres();
}
