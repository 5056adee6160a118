import type { Location as LocationRow } from '../../../prisma/catalog/generated/client';

/** A registered location as stored. */
export type LocationRecord = LocationRow;
