import {
  ComponentMetrics,
  DATABASE_ROLE_HOLDERS,
  databaseRoleName,
  probeRoutes,
  SUBGRAPH_DIRECTORY,
} from '@sunlight/shared';
import { COMPONENTS } from '../container/components';
import type { Manifest } from './render-kustomization';

interface Container {
  name: string;
  image?: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  resources?: { requests?: object; limits?: object };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}
interface Probe {
  httpGet?: { path?: string; port: string | number };
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string; items?: { key: string }[] } }[];
}
interface Workload extends Manifest {
  spec: { replicas?: number; template: { metadata: { labels?: Record<string, string> }; spec: PodSpec } };
}
type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

/** What the manifests are checked against: the code's own facts. */
export interface ReferenceFacts {
  /** Environment variable names the processes read (env-names.ts). */
  envNames: ReadonlySet<string>;
  /** The image the Sunlight containers run (its name without a tag). */
  image: string;
}

/** The keys of the Secret CloudNativePG makes for a Cluster's owner (`<cluster>-app`). */
const CNPG_APP_SECRET_KEYS = ['username', 'password', 'dbname', 'host', 'port', 'uri', 'jdbc-uri', 'pgpass'];

/** The HTTP paths every Sunlight process answers outside GraphQL (shared/src/observability/probe-routes.ts). */
export function servedProbePaths(): Set<string> {
  const routes = probeRoutes('manifest-check', new ComponentMetrics('manifest-check'), {});
  return new Set(Object.keys(routes).map((r) => r.replace(/^GET /, '')));
}

function selects(selector: Selector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    if (e.operator === 'In') return e.values?.includes(labels[e.key] ?? '\0') ?? false;
    if (e.operator === 'Exists') return e.key in labels;
    return false;
  });
  return byLabels && byExpressions;
}

/** The Secrets present once the manifests are applied: generated ones and the operator's. */
function secretKeys(manifests: readonly Manifest[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of manifests) {
    if (m.kind === 'Secret') out.set(m.metadata.name, new Set(Object.keys((m['data'] as object) ?? {})));
    if (m.kind === 'Cluster') out.set(`${m.metadata.name}-app`, new Set(CNPG_APP_SECRET_KEYS));
  }
  return out;
}

/**
 * Cross-checks what schemas cannot see: every Sunlight component has a Deployment (2 replicas,
 * probes on paths it serves, resources, non-root) with a Service, a PodDisruptionBudget and a
 * HorizontalPodAutoscaler; every Service selects pods and their named port; every env name is one
 * the code reads and every secret reference names a key that exists; the NetworkPolicy guards
 * every subgraph and admits the gateway; the database roles are the ones the code logs in as.
 */
export function referenceProblems(manifests: readonly Manifest[], facts: ReferenceFacts): string[] {
  const problems: string[] = [];
  const of = <T extends Manifest>(kind: string) => manifests.filter((m) => m.kind === kind) as T[];
  const workloads = [...of<Workload>('Deployment'), ...of<Workload>('StatefulSet')];
  const secrets = secretKeys(manifests);
  const paths = servedProbePaths();
  const podLabels = (w: Workload) => w.spec.template.metadata.labels ?? {};

  // Services select a workload's pods and a port its containers name.
  for (const s of of<
    Manifest & { spec: { selector?: Record<string, string>; ports: { targetPort?: string | number }[] } }
  >('Service')) {
    const target = workloads.find((w) => s.spec.selector && selects({ matchLabels: s.spec.selector }, podLabels(w)));
    if (!target) {
      problems.push(`Service ${s.metadata.name}: its selector matches no Deployment's or StatefulSet's pods`);
      continue;
    }
    const named = new Set(target.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const p of s.spec.ports)
      if (typeof p.targetPort === 'string' && !named.has(p.targetPort))
        problems.push(
          `Service ${s.metadata.name}: targetPort ${p.targetPort} is not a port of ${target.metadata.name}`,
        );
  }

  // Secret references: env, volumes, the database roles.
  const secretRef = (where: string, name: string, key: string | undefined) => {
    const keys = secrets.get(name);
    if (!keys) problems.push(`${where}: Secret ${name} does not exist`);
    else if (key !== undefined && !keys.has(key)) problems.push(`${where}: Secret ${name} has no key ${key}`);
  };
  for (const w of workloads) {
    const spec = w.spec.template.spec;
    for (const v of spec.volumes ?? [])
      if (v.secret) {
        secretRef(`${w.metadata.name} volume ${v.name}`, v.secret.secretName, undefined);
        for (const item of v.secret.items ?? [])
          secretRef(`${w.metadata.name} volume ${v.name}`, v.secret.secretName, item.key);
      }
    for (const c of spec.containers)
      for (const e of c.env ?? [])
        if (e.valueFrom?.secretKeyRef)
          secretRef(`${w.metadata.name} env ${e.name}`, e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
  }

  // Each Sunlight component that serves: its Deployment and what goes with it.
  const sunlight = (c: Container) => c.image?.split(':')[0] === facts.image;
  for (const [component, { serves }] of Object.entries(COMPONENTS)) {
    if (!serves) continue;
    const ds = of<Workload>('Deployment').filter((d) =>
      d.spec.template.spec.containers.some((c) => sunlight(c) && c.args?.[0] === component),
    );
    if (ds.length !== 1) {
      problems.push(`component ${component}: ${ds.length} Deployments run it, not 1`);
      continue;
    }
    const d = ds[0]!;
    const where = `Deployment ${d.metadata.name}`;
    if (d.spec.replicas !== 2) problems.push(`${where}: ${d.spec.replicas ?? 1} replicas, not 2`);
    if (d.spec.template.spec.securityContext?.runAsNonRoot !== true) problems.push(`${where}: not runAsNonRoot`);
    const targets = (kind: string) =>
      of<Manifest & { spec: { selector?: Selector; scaleTargetRef?: { kind: string; name: string } } }>(kind).some(
        (x) =>
          kind === 'HorizontalPodAutoscaler'
            ? x.spec.scaleTargetRef?.kind === 'Deployment' && x.spec.scaleTargetRef.name === d.metadata.name
            : x.spec.selector !== undefined && selects(x.spec.selector, podLabels(d)),
      );
    for (const kind of ['PodDisruptionBudget', 'HorizontalPodAutoscaler'])
      if (!targets(kind)) problems.push(`${where}: no ${kind}`);
    if (
      !of<Manifest & { spec: { selector?: Record<string, string> } }>('Service').some(
        (s) => s.spec.selector && selects({ matchLabels: s.spec.selector }, podLabels(d)),
      )
    )
      problems.push(`${where}: no Service selects its pods`);
    for (const c of d.spec.template.spec.containers.filter(sunlight)) {
      const at = `${where} container ${c.name}`;
      if (!c.resources?.requests || !c.resources.limits) problems.push(`${at}: resources need requests and limits`);
      if (c.securityContext?.allowPrivilegeEscalation !== false)
        problems.push(`${at}: allowPrivilegeEscalation is not false`);
      const ports = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      for (const [kind, probe] of [
        ['livenessProbe', c.livenessProbe],
        ['readinessProbe', c.readinessProbe],
        ['startupProbe', c.startupProbe],
      ] as const) {
        if (!probe) {
          if (kind !== 'startupProbe') problems.push(`${at}: no ${kind}`);
          continue;
        }
        const path = probe.httpGet?.path;
        if (!path || !paths.has(path))
          problems.push(`${at}: ${kind} path ${path ?? '(none)'} is not one the process serves`);
        if (typeof probe.httpGet?.port === 'string' && !ports.has(probe.httpGet.port))
          problems.push(`${at}: ${kind} port ${probe.httpGet.port} is not a port of the container`);
      }
      if (probePath(c, 'livenessProbe') !== '/livez') problems.push(`${at}: livenessProbe must be /livez`);
      if (probePath(c, 'readinessProbe') !== '/readyz') problems.push(`${at}: readinessProbe must be /readyz`);
      const env = new Map((c.env ?? []).map((e) => [e.name, e.value]));
      for (const name of env.keys())
        if (!facts.envNames.has(name)) problems.push(`${at}: env ${name} is read by no Sunlight process`);
      const listen = env.get(component === 'gateway' ? 'GATEWAY_PORT' : 'PORT');
      if (listen === undefined || !ports.has('http') || String(ports.get('http')) !== listen)
        problems.push(`${at}: its http port is not the port it is told to listen on`);
      const host = env.get(component === 'gateway' ? 'GATEWAY_HOST' : 'HOST');
      if (host !== '0.0.0.0') problems.push(`${at}: listens on ${host ?? 'loopback'}, not 0.0.0.0`);
      for (const [name, value] of env) {
        const m = /^SUBGRAPH_([A-Z]+)_URL$/.exec(name);
        if (!m || !value) continue;
        const url = new URL(value);
        const service = of<Manifest & { spec: { ports: { port: number }[] } }>('Service').find(
          (s) => s.metadata.name === url.hostname,
        );
        if (!service || !service.spec.ports.some((p) => String(p.port) === url.port))
          problems.push(`${at}: ${name} ${value} names no Service and port`);
      }
    }
  }

  // The NetworkPolicy: every subgraph's pods guarded, the gateway admitted, nothing open to all.
  const byComponent = (name: string) =>
    of<Workload>('Deployment').find((d) =>
      d.spec.template.spec.containers.some((c) => sunlight(c) && c.args?.[0] === name),
    );
  const gateway = byComponent('gateway');
  for (const { name } of SUBGRAPH_DIRECTORY) {
    const d = byComponent(name);
    if (!d) continue;
    const policies = of<
      Manifest & {
        spec: {
          podSelector: Selector;
          ingress?: { from?: { podSelector?: Selector; namespaceSelector?: Selector }[] }[];
        };
      }
    >('NetworkPolicy').filter((p) => selects(p.spec.podSelector, podLabels(d)));
    if (policies.length === 0) problems.push(`subgraph ${name}: no NetworkPolicy selects its pods`);
    for (const p of policies)
      for (const rule of p.spec.ingress ?? []) {
        if (!rule.from || rule.from.length === 0)
          problems.push(`NetworkPolicy ${p.metadata.name}: an ingress rule admits everyone`);
        for (const peer of rule.from ?? [])
          if (!peer.podSelector && !peer.namespaceSelector)
            problems.push(`NetworkPolicy ${p.metadata.name}: an empty peer`);
      }
    const admitsGateway = policies.some((p) =>
      (p.spec.ingress ?? []).some((r) =>
        (r.from ?? []).some(
          (peer) =>
            peer.podSelector && !peer.namespaceSelector && gateway && selects(peer.podSelector, podLabels(gateway)),
        ),
      ),
    );
    if (policies.length > 0 && !admitsGateway)
      problems.push(`subgraph ${name}: its NetworkPolicy does not admit the gateway`);
  }

  // The database roles: the ones the code logs in as, no stronger, each with its password Secret.
  const expected = DATABASE_ROLE_HOLDERS.map(databaseRoleName).sort();
  for (const cluster of of<Manifest & { spec: { managed?: { roles?: Record<string, unknown>[] } } }>('Cluster')) {
    const roles = cluster.spec.managed?.roles ?? [];
    const names = roles.map((r) => String(r['name'])).sort();
    if (JSON.stringify(names) !== JSON.stringify(expected))
      problems.push(`Cluster ${cluster.metadata.name}: managed roles ${names.join(', ')}, not ${expected.join(', ')}`);
    for (const r of roles) {
      const at = `Cluster ${cluster.metadata.name} role ${String(r['name'])}`;
      if (r['login'] !== true) problems.push(`${at}: cannot log in`);
      for (const strong of ['superuser', 'createdb', 'createrole', 'replication', 'bypassrls'])
        if (r[strong] === true) problems.push(`${at}: has ${strong}`);
      if (Array.isArray(r['inRoles']) && r['inRoles'].length > 0) problems.push(`${at}: belongs to other roles`);
      const secretName = (r['passwordSecret'] as { name?: string } | undefined)?.name;
      const secret = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === secretName);
      if (!secret) {
        problems.push(`${at}: password Secret ${secretName ?? '(none)'} does not exist`);
        continue;
      }
      const data = (secret['data'] ?? {}) as Record<string, string>;
      if (secret['type'] !== 'kubernetes.io/basic-auth')
        problems.push(`${at}: Secret ${secretName} is not kubernetes.io/basic-auth`);
      if (Buffer.from(data['username'] ?? '', 'base64').toString() !== r['name'])
        problems.push(`${at}: Secret ${secretName}'s username is not the role's name`);
      if (!data['password']) problems.push(`${at}: Secret ${secretName} has no password`);
    }
  }
  return problems;
}

function probePath(c: Container, probe: 'livenessProbe' | 'readinessProbe'): string | undefined {
  return c[probe]?.httpGet?.path;
}
