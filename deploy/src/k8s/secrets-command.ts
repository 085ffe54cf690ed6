import fs from 'node:fs';
import path from 'node:path';
import { secretFiles } from './secret-files';

/**
 * `npm run -s k8s:secrets [-- DIR]` (or the image's `k8s-secrets DIR`): writes the files the
 * Kubernetes kustomization's secretGenerator reads into DIR (default deploy/k8s/base/secrets),
 * mode 0600, keeping what is there (see {@link secretFiles}), and names each file it wrote.
 */
function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../../k8s/base/secrets'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const existing = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('.example')) continue;
    existing.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  for (const [name, text] of secretFiles(existing, process.env)) {
    fs.writeFileSync(path.join(dir, name), text, { mode: 0o600 });
    process.stdout.write(`wrote ${path.join(dir, name)}\n`);
  }
}

try {
  main();
} catch (e: unknown) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
