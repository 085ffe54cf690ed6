// Runs in every test worker before the suite: quiet logs, a test environment.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.NODE_ENV = 'test';
require('reflect-metadata');
