/**
 * The few fields a tool returns per entity unless the agent names others: enough to
 * decide what to ask next, never the whole descriptor.
 */
export const ENTITY_SUMMARY_FIELDS = 'ref kind title description owners: relations(type: "ownedBy") { targetRef }';

export interface EntitySummaryNode {
  ref: string;
  kind: string;
  title?: string | null;
  description?: string | null;
  owners?: { targetRef: string }[];
}

export interface EntitySummary {
  ref: string;
  kind: string;
  title?: string;
  description?: string;
  owners: string[];
}

/** A description longer than this is cut: the agent can ask for the field itself. */
const MAX_DESCRIPTION_CHARS = 200;

/** The node of ENTITY_SUMMARY_FIELDS in a compact shape: owners as refs, empty fields left out. */
export function entitySummary(node: EntitySummaryNode): EntitySummary {
  const description = node.description ?? undefined;
  return {
    ref: node.ref,
    kind: node.kind,
    ...(node.title ? { title: node.title } : {}),
    ...(description ? { description: description.length > MAX_DESCRIPTION_CHARS ? `${description.slice(0, MAX_DESCRIPTION_CHARS)}...` : description } : {}),
    owners: (node.owners ?? []).map((owner) => owner.targetRef),
  };
}
