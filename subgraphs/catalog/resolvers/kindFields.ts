import type { CatalogContext } from '../context';
import { descriptorOf, type EntityRecord } from '../data/entityRecord';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '../model/relationTypes';
import { reachableFields } from './reachableFields';
import { relatedEntities, relatedEntity, specString } from './relatedEntities';

type Context = CatalogContext;

/** Typed fields per kind, each a view over the stored relations or spec. */
export const componentFields = {
  type: (record: EntityRecord) => specString(record, 'type'),
  lifecycle: (record: EntityRecord) => specString(record, 'lifecycle'),
  owner: (record: EntityRecord, _: unknown, context: Context) => relatedEntity(record, RELATION_OWNED_BY, context),
  system: (record: EntityRecord, _: unknown, context: Context) => relatedEntity(record, RELATION_PART_OF, context, 'system'),
  subcomponentOf: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntity(record, RELATION_PART_OF, context, 'component'),
  subcomponents: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_HAS_PART, context, 'component'),
  providesApis: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_PROVIDES_API, context, 'api'),
  consumesApis: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_CONSUMES_API, context, 'api'),
  dependsOn: (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_DEPENDS_ON, context),
  dependents: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_DEPENDENCY_OF, context),
};

export const apiFields = {
  type: componentFields.type,
  lifecycle: componentFields.lifecycle,
  owner: componentFields.owner,
  system: componentFields.system,
  definition: (record: EntityRecord) => specString(record, 'definition'),
  providers: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_API_PROVIDED_BY, context, 'component'),
  consumers: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_API_CONSUMED_BY, context, 'component'),
};

export const systemFields = {
  type: componentFields.type,
  owner: componentFields.owner,
  domain: (record: EntityRecord, _: unknown, context: Context) => relatedEntity(record, RELATION_PART_OF, context, 'domain'),
  components: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_HAS_PART, context, 'component'),
  apis: (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_HAS_PART, context, 'api'),
  resources: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_HAS_PART, context, 'resource'),
  consumedApis: reachableFields.consumedApis,
};

export const domainFields = {
  type: componentFields.type,
  owner: componentFields.owner,
  subdomainOf: systemFields.domain,
  systems: (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_HAS_PART, context, 'system'),
};

export const resourceFields = {
  type: componentFields.type,
  owner: componentFields.owner,
  system: componentFields.system,
  dependsOn: componentFields.dependsOn,
  dependents: componentFields.dependents,
};

const profile = (record: EntityRecord) => (descriptorOf(record).spec?.profile as Record<string, string> | undefined) ?? null;
const owns = (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_OWNER_OF, context);

export const groupFields = {
  type: componentFields.type,
  profile,
  parent: (record: EntityRecord, _: unknown, context: Context) => relatedEntity(record, RELATION_CHILD_OF, context, 'group'),
  children: (record: EntityRecord, _: unknown, context: Context) =>
    relatedEntities(record, RELATION_PARENT_OF, context, 'group'),
  members: (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_HAS_MEMBER, context, 'user'),
  owns,
  ownsTransitively: reachableFields.ownsTransitively,
};

export const userFields = {
  profile,
  memberOf: (record: EntityRecord, _: unknown, context: Context) => relatedEntities(record, RELATION_MEMBER_OF, context, 'group'),
  owns,
};

export const locationFields = {
  type: componentFields.type,
  target: (record: EntityRecord) => specString(record, 'target'),
  targets: (record: EntityRecord) => {
    const targets = descriptorOf(record).spec?.targets;
    return Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [];
  },
};

export const templateFields = {
  type: componentFields.type,
  owner: componentFields.owner,
};
