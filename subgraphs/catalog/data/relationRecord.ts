/** One direction of a relation, as resolvers see it (the origin column is an ingestion detail). */
export interface RelationRecord {
  sourceRef: string;
  type: string;
  targetRef: string;
}
