// End-to-end suites each start the whole federation (five subgraphs and a gateway); run them one
// at a time so that one suite's load and open transactions (the outbox horizon is server-wide) do
// not distort another's timing, and give start-up room on a loaded 2-core machine.
module.exports = { ...require('../jest.base.js')(__dirname), maxWorkers: 1, testTimeout: 120000 };
