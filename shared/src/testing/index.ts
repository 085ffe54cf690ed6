export { freePort } from './free-port';
export { createTestDatabase, type TestDatabase } from './test-database';
export { startTestPostgres, TEST_ADMIN_URL_ENV } from './test-postgres';
export { openTestDataSource } from './open-test-data-source';
export { ROLLUP_TEST_UNITS, seedMonthRollup } from './seed-month-rollup';
export { trendsBothWays } from './trends-both-ways';
export { SamplePowerBuilder, type SampleStep } from './sample-power-builder';
export { countRows } from './count-rows';
export { idempotencyKeys, type ServiceTestDatabase } from './service-test-database';
