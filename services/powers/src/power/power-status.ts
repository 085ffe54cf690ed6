import { registerEnumType } from 'type-graphql';

/** Lifecycle of a power as a whole. */
export enum PowerStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

/** State of one version of a power. Editing a published power creates a new DRAFT version. */
export enum VersionState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(PowerStatus, {
  name: 'PowerStatus',
  description: 'DRAFT (never published), PUBLISHED (in the public catalog), RETIRED (withdrawn, 已取消).',
});
registerEnumType(VersionState, {
  name: 'VersionState',
  description: 'DRAFT (being edited), PUBLISHED (the version in force), SUPERSEDED (an earlier published version).',
});
