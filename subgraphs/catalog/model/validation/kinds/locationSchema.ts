/** Backstage's Location.v1alpha1.schema.json: every spec field is optional. */
import { BACKSTAGE_API_VERSIONS, kindSchema, nonEmptyString, nonEmptyStringArray } from './kindSchema';

export const LOCATION_SCHEMA = kindSchema('Location', BACKSTAGE_API_VERSIONS, {
  required: [],
  properties: {
    // Left out, the type is inherited from the location that read the entity.
    type: nonEmptyString,
    target: nonEmptyString,
    targets: nonEmptyStringArray,
  },
});
