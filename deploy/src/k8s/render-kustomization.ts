import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseEnvFile } from './secret-files';

/** One rendered Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface RenderOptions {
  /**
   * For a generator's source file that does not exist, read `<file>.example` instead (the spec:
   * the real secrets are never committed). Without it a missing file is an error, as in kustomize.
   */
  examples?: boolean;
}

interface SecretGenerator {
  name: string;
  type?: string;
  envs?: string[];
  files?: string[];
  literals?: string[];
  options?: { labels?: Record<string, string> };
}

/** The kustomization fields this renderer understands; any other makes it refuse (never a silent difference). */
const FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'generatorOptions', 'secretGenerator']);

/** Kinds that live outside a namespace (of those Sunlight's manifests use). */
const CLUSTER_SCOPED = new Set(['Namespace']);

/**
 * Renders `dir/kustomization.yaml` as `kubectl kustomize` would for the subset Sunlight uses:
 * `resources` (YAML files, or directories holding a kustomization), `namespace`, and a
 * `secretGenerator` (envs, files, literals, type, labels) with `generatorOptions.disableNameSuffixHash`.
 * Anything else (patches, name suffix hashes, other generators) is refused rather than ignored.
 */
export function renderKustomization(dir: string, options: RenderOptions = {}): Manifest[] {
  const file = path.join(dir, 'kustomization.yaml');
  const k = parseOne(fs.readFileSync(file, 'utf8'), file) as Record<string, unknown>;
  const unknown = Object.keys(k).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) throw new Error(`${file}: this renderer does not support ${unknown.join(', ')}`);
  if (k['kind'] !== 'Kustomization') throw new Error(`${file}: kind must be Kustomization`);
  const out: Manifest[] = [];
  for (const entry of (k['resources'] as string[] | undefined) ?? []) {
    const target = path.join(dir, entry);
    if (fs.statSync(target).isDirectory()) out.push(...renderKustomization(target, options));
    else out.push(...parseManifests(fs.readFileSync(target, 'utf8'), target));
  }
  const generators = (k['secretGenerator'] as SecretGenerator[] | undefined) ?? [];
  const generatorOptions = (k['generatorOptions'] as { disableNameSuffixHash?: boolean } | undefined) ?? {};
  if (generators.length > 0 && generatorOptions.disableNameSuffixHash !== true)
    throw new Error(`${file}: name suffix hashes are not rendered here; set generatorOptions.disableNameSuffixHash`);
  for (const g of generators) out.push(generateSecret(dir, g, options));
  const namespace = k['namespace'] as string | undefined;
  if (namespace) for (const m of out) if (!CLUSTER_SCOPED.has(m.kind)) m.metadata.namespace = namespace;
  const seen = new Set<string>();
  for (const m of out) {
    const id = `${m.kind}/${m.metadata.namespace ?? ''}/${m.metadata.name}`;
    if (seen.has(id)) throw new Error(`${file}: ${m.kind} ${m.metadata.name} is defined twice`);
    seen.add(id);
  }
  return out;
}

/** Every document of a multi-document YAML text (empty documents skipped). */
export function parseManifests(text: string, source: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors[0]!.message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

function parseOne(text: string, source: string): unknown {
  const docs = parseAllDocuments(text);
  if (docs.length !== 1 || docs[0]!.errors.length > 0) throw new Error(`${source}: not one YAML document`);
  return docs[0]!.toJS();
}

function readSource(dir: string, file: string, options: RenderOptions): string {
  const target = path.join(dir, file);
  if (fs.existsSync(target)) return fs.readFileSync(target, 'utf8');
  if (options.examples && fs.existsSync(`${target}.example`)) return fs.readFileSync(`${target}.example`, 'utf8');
  throw new Error(`${target} does not exist (npm run -s k8s:secrets writes it; see README.md, Running in production)`);
}

function generateSecret(dir: string, g: SecretGenerator, options: RenderOptions): Manifest {
  const data: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (key in data) throw new Error(`secretGenerator ${g.name}: key ${key} given twice`);
    data[key] = Buffer.from(value, 'utf8').toString('base64');
  };
  for (const env of g.envs ?? [])
    for (const [key, value] of parseEnvFile(readSource(dir, env, options))) put(key, value);
  for (const file of g.files ?? []) put(path.basename(file), readSource(dir, file, options));
  for (const literal of g.literals ?? []) {
    const eq = literal.indexOf('=');
    put(literal.slice(0, eq), literal.slice(eq + 1));
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: g.name, ...(g.options?.labels ? { labels: g.options.labels } : {}) },
    type: g.type ?? 'Opaque',
    data,
  };
}
