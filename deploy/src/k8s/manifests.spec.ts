import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { validateAgainstCrd } from './cnpg-cluster-schema';
import { acceptedEnvNames } from './env-names';
import { referenceProblems } from './manifest-references';
import { schemaProblems } from './manifest-schemas';
import { renderKustomization } from './render-kustomization';

const ROOT = path.resolve(__dirname, '../../..');
const BASE = path.join(ROOT, 'deploy/k8s/base');

/** CloudNativePG's own Cluster CRD, when one is at hand (it is not committed here). */
const CRD_FILE = process.env['CNPG_CLUSTER_CRD'] ?? path.join(ROOT, '../shared/k8s/postgresql.cnpg.io_clusters.yaml');

describe('deploy/k8s/base', () => {
  const manifests = renderKustomization(BASE, { examples: true });

  it('renders every kind Sunlight needs', () => {
    const count = (kind: string) => manifests.filter((m) => m.kind === kind).length;
    expect({
      Deployment: count('Deployment'),
      Service: count('Service'),
      PodDisruptionBudget: count('PodDisruptionBudget'),
      HorizontalPodAutoscaler: count('HorizontalPodAutoscaler'),
      Cluster: count('Cluster'),
      StatefulSet: count('StatefulSet'),
    }).toEqual({
      Deployment: SUBGRAPH_DIRECTORY.length + 1,
      Service: SUBGRAPH_DIRECTORY.length + 2,
      PodDisruptionBudget: SUBGRAPH_DIRECTORY.length + 1,
      HorizontalPodAutoscaler: SUBGRAPH_DIRECTORY.length + 1,
      Cluster: 1,
      StatefulSet: 1,
    });
    expect(manifests.filter((m) => m.kind !== 'Namespace').every((m) => m.metadata.namespace === 'sunlight')).toBe(
      true,
    );
  });

  it('validates every document against its kind’s schema', () => {
    expect(manifests.flatMap(schemaProblems)).toEqual([]);
  });

  it('refers only to what exists: selectors, ports, probe paths, env names, secret keys, roles, policies', () => {
    const envNames = acceptedEnvNames(ROOT);
    expect(referenceProblems(manifests, { envNames, image: 'sunlight' })).toEqual([]);
  });

  (fs.existsSync(CRD_FILE) ? it : it.skip)('validates the Cluster against CloudNativePG’s CRD', () => {
    const crd = parse(fs.readFileSync(CRD_FILE, 'utf8')) as unknown;
    for (const cluster of manifests.filter((m) => m.kind === 'Cluster'))
      expect(validateAgainstCrd(cluster, crd)).toEqual([]);
  });

  it('refuses to render without the real secrets unless asked for the examples', () => {
    // A copy with the committed files only (an operator's checkout also holds the real ones).
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-k8s-'));
    try {
      fs.cpSync(BASE, copy, { recursive: true, filter: (f) => !/secrets\/[^/]+$/.test(f) || f.endsWith('.example') });
      expect(() => renderKustomization(copy)).toThrow(/keys\.env does not exist \(npm run -s k8s:secrets/);
      expect(renderKustomization(copy, { examples: true })).toEqual(manifests);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
