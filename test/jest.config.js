// End-to-end suites each start the whole federation; run them one at a time so that one suite's
// load and open transactions (the outbox horizon is server-wide) do not distort another's timing.
module.exports = { ...require('../jest.base.js')(__dirname), maxWorkers: 1 };
