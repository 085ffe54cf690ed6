// Shared jest settings: TypeScript through SWC (decorator metadata on), workspace packages
// mapped to their sources so tests never need a build, one PostgreSQL per test run.
const fs = require('fs');
const path = require('path');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Maps every workspace package of the repository at `root` (its package.json's `workspaces`:
 * folders, or `folder/*` for each folder inside) to its TypeScript sources: `<name>` to the
 * package's `types`, and `<name>/<subpath>` to the `types` of each subpath it exports. A new
 * workspace package is mapped without a line here.
 * @param {string} root the repository root
 * @returns {Record<string, string>}
 */
function workspaceModuleMapper(root) {
  const folders = readJson(path.join(root, 'package.json')).workspaces.flatMap((pattern) => {
    if (!pattern.includes('*')) return [pattern];
    if (!pattern.endsWith('/*') || pattern.slice(0, -2).includes('*'))
      throw new Error(`jest.base.js reads workspaces "folder" or "folder/*", not "${pattern}"`);
    const parent = pattern.slice(0, -2);
    return fs
      .readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, parent, d.name, 'package.json')))
      .map((d) => path.join(parent, d.name))
      .sort();
  });
  const mapper = {};
  for (const folder of folders) {
    const pkg = readJson(path.join(root, folder, 'package.json'));
    const entries = pkg.exports
      ? Object.entries(pkg.exports).map(([subpath, target]) => [subpath, target.types])
      : [['.', pkg.types]];
    for (const [subpath, types] of entries) {
      if (types) mapper[`^${escapeRegExp(path.posix.join(pkg.name, subpath))}$`] = path.join(root, folder, types);
    }
  }
  return mapper;
}

/** @param {string} dir the package directory */
function jestConfig(dir) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.test.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, sourceMaps: 'inline', swcrc: false }] },
    moduleNameMapper: workspaceModuleMapper(__dirname),
    globalSetup: path.join(__dirname, 'shared/src/testing/jest-global-setup.ts'),
    globalTeardown: path.join(__dirname, 'shared/src/testing/jest-global-teardown.ts'),
    setupFiles: [path.join(__dirname, 'shared/jest/setup-file.js')],
    reporters: ['default', path.join(__dirname, 'shared/jest/summary-reporter.js')],
    testTimeout: 30000,
    maxWorkers: 2,
  };
}

module.exports = jestConfig;
module.exports.workspaceModuleMapper = workspaceModuleMapper;
