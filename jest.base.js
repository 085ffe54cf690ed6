// Shared jest settings: TypeScript through SWC (decorator metadata on), workspace packages
// mapped to their sources so tests never need a build, one PostgreSQL per test run.
const path = require('path');
const swcrc = JSON.parse(require('fs').readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

/** @param {string} dir the package directory */
module.exports = function jestConfig(dir) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.test.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, sourceMaps: 'inline', swcrc: false }] },
    moduleNameMapper: {
      '^@sunlight/shared$': path.join(__dirname, 'shared/src/index.ts'),
      '^@sunlight/shared/testing$': path.join(__dirname, 'shared/src/testing/index.ts'),
      '^@sunlight/powers$': path.join(__dirname, 'services/powers/src/index.ts'),
      '^@sunlight/cases$': path.join(__dirname, 'services/cases/src/index.ts'),
      '^@sunlight/evaluations$': path.join(__dirname, 'services/evaluations/src/index.ts'),
      '^@sunlight/complaints$': path.join(__dirname, 'services/complaints/src/index.ts'),
      '^@sunlight/alerts$': path.join(__dirname, 'services/alerts/src/index.ts'),
      '^@sunlight/gateway$': path.join(__dirname, 'gateway/src/index.ts'),
      '^@sunlight/deploy$': path.join(__dirname, 'deploy/src/index.ts'),
    },
    globalSetup: path.join(__dirname, 'shared/src/testing/jest-global-setup.ts'),
    globalTeardown: path.join(__dirname, 'shared/src/testing/jest-global-teardown.ts'),
    setupFiles: [path.join(__dirname, 'shared/jest/setup-file.js')],
    reporters: ['default', path.join(__dirname, 'shared/jest/summary-reporter.js')],
    testTimeout: 30000,
    maxWorkers: 2,
  };
};
