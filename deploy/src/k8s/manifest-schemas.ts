import type { Model } from '@kubernetes-models/base';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { validateCnpgCluster } from './cnpg-cluster-schema';
import type { Manifest } from './render-kustomization';

type ModelClass = new (data: never) => Model<unknown>;

/**
 * The kinds Sunlight's manifests may hold, by `apiVersion/kind`, each with the validator of its
 * schema: the Kubernetes OpenAPI schemas compiled by kubernetes-models (Kubernetes 1.34), and
 * CloudNativePG's Cluster against its CRD (see cnpg-cluster-schema.ts).
 */
const CORE: Readonly<Record<string, ModelClass>> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

const CUSTOM: Readonly<Record<string, (m: unknown) => string[]>> = {
  'postgresql.cnpg.io/v1/Cluster': validateCnpgCluster,
};

/** What is wrong with `m` against its kind's schema (empty when valid); an unknown kind is wrong. */
export function schemaProblems(m: Manifest): string[] {
  const kind = `${m.apiVersion}/${m.kind}`;
  const where = `${m.kind} ${m.metadata?.name ?? '(no name)'}`;
  const custom = CUSTOM[kind];
  if (custom) return custom(m).map((p) => `${where}: ${p}`);
  const Model = CORE[kind];
  if (!Model) return [`${where}: unknown kind ${kind}`];
  if (!m.metadata?.name) return [`${where}: metadata.name is required`];
  try {
    new Model(m as never).validate();
    return [];
  } catch (e) {
    return [`${where}: ${e instanceof Error ? e.message : String(e)}`];
  }
}
