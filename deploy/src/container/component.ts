import path from 'node:path';
import { COMPONENTS } from './components';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The container image's entry point: `docker run sunlight <component> [args…]` runs that
 * component's compiled main in this process, with the remaining arguments as its own.
 */
function main(): void {
  const [name, ...args] = process.argv.slice(2);
  const component = name === undefined ? undefined : COMPONENTS[name];
  if (!component) {
    process.stderr.write(`usage: <component> [args…]; components: ${Object.keys(COMPONENTS).join(', ')}\n`);
    process.exit(2);
  }
  const entry = path.join(ROOT, component.main);
  process.argv = [process.argv[0]!, entry, ...args];
  require(entry);
}

main();
