// End-to-end suites each start the whole federation (five subgraphs and a gateway); run them one
// at a time so that one suite's load and open transactions (the outbox horizon is server-wide) do
// not distort another's timing, and give start-up room on a loaded 2-core machine.
const base = require('../jest.base.js')(__dirname);

// CI's second pass (the same suites against an external PostgreSQL) leaves out the browser specs
// (test/src/e2e/console*.e2e.spec.ts): they drive the console, whose data paths the other suites
// already run on both servers, and they would double CI's longest part. `npm test` always runs them.
const browserOnce = process.env['SUNLIGHT_BROWSER_SPECS'] === 'off' ? ['/src/e2e/console[^/]*\\.e2e\\.spec\\.ts$'] : [];

module.exports = {
  ...base,
  testPathIgnorePatterns: [...(base.testPathIgnorePatterns ?? ['/node_modules/']), ...browserOnce],
  maxWorkers: 1,
  testTimeout: 120000,
};
