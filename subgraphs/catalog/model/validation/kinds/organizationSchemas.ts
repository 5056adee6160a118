/** Backstage's organization kinds: Group and User (Group/User.v1alpha1.schema.json). */
import type { JsonSchema } from '../jsonSchema';
import { BACKSTAGE_API_VERSIONS, kindSchema, nonEmptyString, nonEmptyStringArray } from './kindSchema';

const profile: JsonSchema = {
  type: 'object',
  properties: { displayName: nonEmptyString, email: nonEmptyString, picture: nonEmptyString },
};

/** children must be present (possibly empty); members and parent are optional. */
export const GROUP_SCHEMA = kindSchema('Group', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'children'],
  properties: {
    type: nonEmptyString,
    profile,
    parent: nonEmptyString,
    children: nonEmptyStringArray,
    members: nonEmptyStringArray,
  },
});

/** memberOf must be present (possibly empty), even though Backstage's TS type says optional. */
export const USER_SCHEMA = kindSchema('User', BACKSTAGE_API_VERSIONS, {
  required: ['memberOf'],
  properties: { profile, memberOf: nonEmptyStringArray },
});
