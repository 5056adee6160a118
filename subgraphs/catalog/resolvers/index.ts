import { DateTimeScalar, JSONScalar } from '../../../kit';
import { changeQueries, EntityChange, EntityVersion } from '../changes/changeResolvers';
import { Subscription } from '../changes/subscriptionResolvers';
import type { Resolvers } from '../generated/resolvers';
import { CatalogLocation } from './CatalogLocation';
import { Entity } from './Entity';
import { EntityConnection } from './EntityConnection';
import { entityFields } from './entityFields';
import {
  apiFields,
  componentFields,
  domainFields,
  groupFields,
  locationFields,
  resourceFields,
  systemFields,
  templateFields,
  userFields,
} from './kindFields';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { ingestionQueries } from './ingestionQueries';
import { ApplyResult } from './ApplyResult';
import { Relation } from './Relation';

export const resolvers: Resolvers = {
  JSON: JSONScalar,
  DateTime: DateTimeScalar,
  Subscription,
  Query: { ...Query, ...ingestionQueries, ...changeQueries },
  EntityChange,
  EntityVersion,
  ApplyResult,
  Mutation,
  Entity,
  Relation,
  EntityConnection,
  CatalogLocation,
  Component: { ...entityFields, ...componentFields },
  API: { ...entityFields, ...apiFields },
  System: { ...entityFields, ...systemFields },
  Domain: { ...entityFields, ...domainFields },
  Resource: { ...entityFields, ...resourceFields },
  Group: { ...entityFields, ...groupFields },
  User: { ...entityFields, ...userFields },
  Location: { ...entityFields, ...locationFields },
  Template: { ...entityFields, ...templateFields },
  GenericEntity: entityFields,
};
