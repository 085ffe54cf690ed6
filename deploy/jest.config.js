const path = require('path');
const base = require('../jest.base.js')(__dirname);
const swcrc = JSON.parse(require('fs').readFileSync(path.join(__dirname, '../.swcrc'), 'utf8'));

// kubernetes-models (the manifests' validator, src/k8s) and a few of its dependencies ship ES
// modules only, exported under the `import` condition alone: map their entry points and compile
// them to CommonJS like the sources.
const modules = path.join(__dirname, '../node_modules');
const esmOnly = ['kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex'];
module.exports = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^kubernetes-models/(.+)$': `${modules}/kubernetes-models/$1/index.js`,
    '^@kubernetes-models/(base|validate)$': `${modules}/@kubernetes-models/$1/dist/index.js`,
    '^@kubernetes-models/apimachinery/_schemas/(.+)$': `${modules}/@kubernetes-models/apimachinery/_schemas/$1.js`,
    '^(is-cidr|cidr-regex)$': `${modules}/$1/dist/index.js`,
  },
  transform: {
    ...base.transform,
    '^.+\\.js$': ['@swc/jest', { ...swcrc, jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
