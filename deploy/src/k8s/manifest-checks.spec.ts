import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { validateAgainstCrd, validateCnpgCluster } from './cnpg-cluster-schema';
import { acceptedEnvNames, envNamesIn } from './env-names';
import { referenceProblems } from './manifest-references';
import { schemaProblems } from './manifest-schemas';
import { renderKustomization, type Manifest } from './render-kustomization';

const ROOT = path.resolve(__dirname, '../../..');
const BASE = path.join(ROOT, 'deploy/k8s/base');

/** The rendered base with one deliberate mistake made by `spoil` (on a deep copy). */
function spoiled(spoil: (find: (kind: string, name: string) => any) => void): Manifest[] {
  const copy = structuredClone(renderKustomization(BASE, { examples: true }));
  spoil((kind, name) => {
    const m = copy.find((x) => x.kind === kind && x.metadata.name === name);
    if (!m) throw new Error(`no ${kind} ${name}`);
    return m;
  });
  return copy;
}

function problems(manifests: Manifest[]): string[] {
  return referenceProblems(manifests, {
    envNames: acceptedEnvNames(ROOT),
    image: 'sunlight',
  });
}

const container = (d: any) => d.spec.template.spec.containers[0];

describe('the manifest checks fail on a wrong document', () => {
  it('a field of the wrong type, a missing required field, an unknown kind', () => {
    const [deployment] = spoiled(
      (find) => (container(find('Deployment', 'sunlight-powers')).ports[0].containerPort = 'http'),
    ).filter((m) => m.metadata.name === 'sunlight-powers' && m.kind === 'Deployment');
    expect(schemaProblems(deployment!)).toEqual([expect.stringContaining('containerPort must be integer')]);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'x' }] } };
    expect(schemaProblems(service as unknown as Manifest)).toEqual([expect.stringContaining('port must be integer')]);
    const unselected = spoiled((find) => delete find('Deployment', 'sunlight-cases').spec.selector).find(
      (m) => m.kind === 'Deployment' && m.metadata.name === 'sunlight-cases',
    );
    expect(schemaProblems(unselected!)).toEqual([
      'Deployment sunlight-cases: data/spec must have required property selector',
    ]);
    expect(schemaProblems({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })).toEqual([
      'Pod p: unknown kind v1/Pod',
    ]);
    expect(schemaProblems({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'd' } })).toEqual([
      'Deployment d: unknown kind apps/v1beta1/Deployment',
    ]);
  });

  it('a Cluster with an unknown field or a wrong type', () => {
    const cluster = structuredClone(
      renderKustomization(BASE, { examples: true }).find((m) => m.kind === 'Cluster')!,
    ) as any;
    expect(validateCnpgCluster(cluster)).toEqual([]);
    cluster.spec.instancez = 3;
    cluster.spec.managed.roles[0].superuser = 'no';
    expect(validateCnpgCluster(cluster)).toEqual([
      '/spec must NOT have additional properties (instancez)',
      '/spec/managed/roles/0/superuser must be boolean',
    ]);
  });

  it('a field a CRD does not declare, checked the way the API server does', () => {
    const crd = {
      spec: {
        versions: [
          {
            name: 'v1',
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: { type: 'object', properties: { instances: { type: 'integer' } } },
                  metadata: { type: 'object' },
                },
              },
            },
          },
        ],
      },
    };
    expect(validateAgainstCrd({ metadata: { name: 'x' }, spec: { instances: 1 } }, crd)).toEqual([]);
    expect(validateAgainstCrd({ spec: { instances: 'one', storage: {} } }, crd)).toEqual([
      '/spec/instances must be integer',
      '/spec/storage is not a field of the CRD',
    ]);
  });

  it('a Service that selects no pods', () => {
    const m = spoiled(
      (find) => (find('Service', 'sunlight-cases').spec.selector['app.kubernetes.io/component'] = 'case'),
    );
    expect(problems(m)).toEqual([
      "Service sunlight-cases: its selector matches no Deployment's or StatefulSet's pods",
      'Deployment sunlight-cases: no Service selects its pods',
    ]);
  });

  it('a probe on a path the process does not serve', () => {
    const m = spoiled(
      (find) => (container(find('Deployment', 'sunlight-gateway')).readinessProbe.httpGet.path = '/healthz'),
    );
    expect(problems(m)).toEqual([
      'Deployment sunlight-gateway container gateway: readinessProbe path /healthz is not one the process serves',
      'Deployment sunlight-gateway container gateway: readinessProbe must be /readyz',
    ]);
  });

  it('an env name no process reads, and a listener on loopback', () => {
    const m = spoiled((find) => {
      const env = container(find('Deployment', 'sunlight-alerts')).env;
      env.find((e: any) => e.name === 'DB_POOL_SIZE').name = 'DB_POOLSIZE';
      env.find((e: any) => e.name === 'HOST').value = '127.0.0.1';
    });
    expect(problems(m)).toEqual([
      'Deployment sunlight-alerts container alerts: env DB_POOLSIZE is read by no Sunlight process',
      'Deployment sunlight-alerts container alerts: listens on 127.0.0.1, not 0.0.0.0',
    ]);
  });

  it('a secret key or a Secret that does not exist', () => {
    const m = spoiled((find) => {
      const env = container(find('Deployment', 'sunlight-complaints')).env;
      env.find((e: any) => e.name === 'COMPLAINANT_KEY').valueFrom.secretKeyRef.key = 'COMPLAINANT';
      find('Deployment', 'sunlight-cases').spec.template.spec.volumes[2].secret.items[0].key = 'cases.pem';
      find('Cluster', 'sunlight-db').spec.managed.roles[1].passwordSecret.name = 'sunlight-db-case';
    });
    expect(problems(m)).toEqual([
      'sunlight-cases volume checkpoint-keys: Secret sunlight-checkpoint-keys has no key cases.pem',
      'sunlight-complaints env COMPLAINANT_KEY: Secret sunlight-keys has no key COMPLAINANT',
      'Cluster sunlight-db role sunlight_cases: password Secret sunlight-db-case does not exist',
    ]);
  });

  it('a NetworkPolicy that leaves a subgraph open or shuts the gateway out', () => {
    const narrowed = spoiled(
      (find) =>
        (find('NetworkPolicy', 'sunlight-subgraphs').spec.podSelector.matchLabels['app.kubernetes.io/component'] =
          'powers'),
    );
    expect(problems(narrowed)).toEqual(
      SUBGRAPH_DIRECTORY.filter((s) => s.name !== 'powers').map(
        (s) => `subgraph ${s.name}: no NetworkPolicy selects its pods`,
      ),
    );
    const shut = spoiled(
      (find) =>
        (find('NetworkPolicy', 'sunlight-subgraphs').spec.ingress[0].from[0].podSelector.matchExpressions[0].values = [
          'subgraph',
        ]),
    );
    expect(problems(shut)).toEqual(
      SUBGRAPH_DIRECTORY.map((s) => `subgraph ${s.name}: its NetworkPolicy does not admit the gateway`),
    );
  });

  it('one replica, root, no budget, a role too strong', () => {
    const m = spoiled((find) => {
      find('Deployment', 'sunlight-powers').spec.replicas = 1;
      find('Deployment', 'sunlight-powers').spec.template.spec.securityContext.runAsNonRoot = false;
      find('HorizontalPodAutoscaler', 'sunlight-evaluations').spec.scaleTargetRef.name = 'sunlight-evaluation';
      find('Cluster', 'sunlight-db').spec.managed.roles[5].bypassrls = true;
    });
    expect(problems(m)).toEqual([
      'Deployment sunlight-powers: 1 replicas, not 2',
      'Deployment sunlight-powers: not runAsNonRoot',
      'Deployment sunlight-evaluations: no HorizontalPodAutoscaler',
      'Cluster sunlight-db role sunlight_gateway: has bypassrls',
    ]);
  });
});

describe('envNamesIn', () => {
  it('finds readEnv keys, process.env reads and the names a template makes', () => {
    const text = [
      "readEnv({ PORT: env.port(1), HOST: env.string('x') });",
      "const level = process.env['LOG_LEVEL'] ?? process.env.DEBUG_X;",
      'const v = `SUBGRAPH_${name.toUpperCase()}_URL`; const sql = `SELECT ${x}`;',
    ].join('\n');
    expect(envNamesIn(text).sort()).toEqual(
      [
        'DEBUG_X',
        'HOST',
        'LOG_LEVEL',
        'PORT',
        ...SUBGRAPH_DIRECTORY.map(({ name }) => `SUBGRAPH_${name.toUpperCase()}_URL`),
      ].sort(),
    );
  });

  it('finds what the processes read today', () => {
    const names = acceptedEnvNames(ROOT);
    for (const name of [
      'DATABASE_URL',
      'SUNLIGHT_INTERNAL_SECRET',
      'GATEWAY_PORT',
      'PORT',
      'COMPLAINANT_KEY',
      'SUBGRAPH_ALERTS_URL',
    ])
      expect(names).toContain(name);
    expect(names).not.toContain('CITY_PG_PORT'); // the data generator's, not a pod's
  });
});

describe('renderKustomization', () => {
  it('refuses a kustomization field it does not render', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sunlight-k8s-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches: []\n',
      );
      expect(() => renderKustomization(dir)).toThrow(/does not support patches/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
