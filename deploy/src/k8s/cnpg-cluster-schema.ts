import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const quantity = { anyOf: [{ type: 'string', pattern: '^[0-9.]+([eE][0-9]+|[numkMGTPE]i?)?$' }, { type: 'integer' }] };
const resources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requests: { type: 'object', additionalProperties: quantity },
    limits: { type: 'object', additionalProperties: quantity },
  },
};
const role = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    comment: { type: 'string' },
    ensure: { enum: ['present', 'absent'] },
    login: { type: 'boolean' },
    superuser: { type: 'boolean' },
    createdb: { type: 'boolean' },
    createrole: { type: 'boolean' },
    replication: { type: 'boolean' },
    bypassrls: { type: 'boolean' },
    inherit: { type: 'boolean' },
    connectionLimit: { type: 'integer' },
    disablePassword: { type: 'boolean' },
    validUntil: { type: 'string' },
    inRoles: { type: 'array', items: { type: 'string' } },
    passwordSecret: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string' } },
    },
  },
};

/**
 * The part of CloudNativePG's `Cluster` (postgresql.cnpg.io/v1) that Sunlight writes, as JSON
 * Schema: field names, types and enums as the operator's CRD (1.30) declares them, and no field
 * beyond them (the API server, validating strictly, refuses an unknown field too). Kept by hand;
 * a field the manifests start to use is added here after reading the CRD.
 */
export const CNPG_CLUSTER_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'postgresql.cnpg.io/v1' },
    kind: { const: 'Cluster' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 50 },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['instances'],
      properties: {
        description: { type: 'string' },
        imageName: { type: 'string' },
        instances: { type: 'integer', minimum: 1 },
        storage: {
          type: 'object',
          additionalProperties: false,
          properties: { size: { type: 'string' }, storageClass: { type: 'string' } },
        },
        bootstrap: {
          type: 'object',
          additionalProperties: false,
          properties: {
            initdb: {
              type: 'object',
              additionalProperties: false,
              properties: { database: { type: 'string' }, owner: { type: 'string' } },
            },
          },
        },
        postgresql: {
          type: 'object',
          additionalProperties: false,
          properties: { parameters: { type: 'object', additionalProperties: { type: 'string' } } },
        },
        resources,
        managed: {
          type: 'object',
          additionalProperties: false,
          properties: { roles: { type: 'array', items: role } },
        },
      },
    },
  },
} as const;

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

let compiled: ValidateFunction | undefined;

/** What is wrong with `m` as a CloudNativePG Cluster (empty when nothing). */
export function validateCnpgCluster(m: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true }).compile(CNPG_CLUSTER_SCHEMA);
  return compiled(m) ? [] : describe(compiled.errors);
}

/**
 * What is wrong with `m` against the `openAPIV3Schema` of a CloudNativePG CRD (`crd`, the parsed
 * postgresql.cnpg.io_clusters.yaml): the operator's own schema, when one is at hand.
 */
export function validateAgainstCrd(m: unknown, crd: unknown): string[] {
  const versions = (crd as { spec?: { versions?: { name: string; schema?: { openAPIV3Schema?: object } }[] } }).spec
    ?.versions;
  const schema = versions?.find((v) => v.name === 'v1')?.schema?.openAPIV3Schema;
  if (!schema) throw new Error('not a CRD with a v1 openAPIV3Schema');
  // The CRD's `x-kubernetes-*` keywords and int32/int64 formats are Kubernetes', not JSON Schema's.
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  return [...(validate(m) ? [] : describe(validate.errors)), ...unknownFields(m, schema as StructuralSchema, '')];
}

interface StructuralSchema {
  properties?: Record<string, StructuralSchema>;
  items?: StructuralSchema;
  additionalProperties?: StructuralSchema | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

/**
 * Fields of `value` that a structural schema does not declare: the API server refuses them under
 * strict field validation (kubectl's default), though plain JSON Schema lets them through.
 * `metadata` is the API server's own, not the CRD's.
 */
function unknownFields(value: unknown, schema: StructuralSchema, at: string): string[] {
  if (Array.isArray(value))
    return schema.items ? value.flatMap((v, i) => unknownFields(v, schema.items!, `${at}/${i}`)) : [];
  if (value === null || typeof value !== 'object' || schema['x-kubernetes-preserve-unknown-fields']) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (at === '' && key === 'metadata') continue;
    const declared = schema.properties?.[key];
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    if (declared) out.push(...unknownFields(v, declared, `${at}/${key}`));
    else if (extra) out.push(...unknownFields(v, extra, `${at}/${key}`));
    else if (schema.properties && schema.additionalProperties !== true)
      out.push(`${at}/${key} is not a field of the CRD`);
  }
  return out;
}
