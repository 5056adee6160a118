import type { WebEntityQuery } from '../../../generated/graphql';

/** The entity page's entity, whatever its kind. */
export type PageEntity = NonNullable<WebEntityQuery['entity']>;
