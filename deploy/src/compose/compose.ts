import fs from 'node:fs';
import { composeSupergraph } from './compose-supergraph';
import { SUPERGRAPH_PATH } from './supergraph-path';

/** `npm run compose`: writes deploy/supergraph.graphql. With `--check`, fails if the file is stale. */
async function main(): Promise<void> {
  const sdl = await composeSupergraph();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SUPERGRAPH_PATH) ? fs.readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
    if (current !== sdl) {
      process.stderr.write('deploy/supergraph.graphql is stale: run npm run compose and commit it\n');
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(SUPERGRAPH_PATH, sdl);
  process.stdout.write(`wrote ${SUPERGRAPH_PATH}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
