import type { DocSite } from '../../../prisma/techdocs/generated/client';

/** An entity's published documentation, without its pages (they load only when asked for). */
export type DocSiteRecord = DocSite;
