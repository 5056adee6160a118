import { createHash } from 'node:crypto';
import { deriveRelations, type DerivedRelation } from '../model/deriveRelations';
import { stringifyEntityRef } from '../model/entityRef';
import type { Entity } from '../model/entityTypes';
import {
  RELATION_OWNED_BY,
} from '../model/relationTypes';
import { validateEntity } from '../model/validateEntity';
import { findUnstorableText } from '../model/validation/unstorableText';
import type { KindRules } from '../model/validation/kinds/validateKind';

/** An entity ready to store: its columns, its descriptor and the relations it implies. */
export interface ProcessedEntity {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  type: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  tags: string[];
  descriptor: Entity;
  /** The descriptor as JSON, made once: it is both what `hash` covers and what is stored. */
  descriptorJson: string;
  hash: string;
  relations: DerivedRelation[];
}

export type ProcessResult = { ok: true; entity: ProcessedEntity } | { ok: false; ref: string | null; errors: string[] };

/** Validates one descriptor with Backstage's rules and derives what the catalog stores. */
export function processEntity(raw: unknown, kindRules: KindRules = {}): ProcessResult {
  const validation = validateEntity(raw, kindRules);
  // Backstage reports the first failure of an entity; so do we, word for word.
  if (!validation.ok) return { ok: false, ref: guessEntityRef(raw), errors: validation.errors.slice(0, 1) };
  const descriptor = validation.entity;
  const ref = stringifyEntityRef({ kind: descriptor.kind, namespace: descriptor.metadata.namespace, name: descriptor.metadata.name });
  const relations = deriveRelations(descriptor);
  const spec = descriptor.spec ?? {};
  const descriptorJson = JSON.stringify(descriptor);
  const unstorable = findUnstorableText(descriptor, descriptorJson);
  if (unstorable.length) return { ok: false, ref, errors: unstorable.slice(0, 1) };
  return {
    ok: true,
    entity: {
      ref,
      kind: descriptor.kind.toLowerCase(),
      namespace: (descriptor.metadata.namespace ?? 'default').toLowerCase(),
      name: descriptor.metadata.name,
      type: lowerString(spec.type),
      lifecycle: lowerString(spec.lifecycle),
      ownerRef: relations.find((relation) => relation.sourceRef === ref && relation.type === RELATION_OWNED_BY)?.targetRef ?? null,
      tags: descriptor.metadata.tags ?? [],
      descriptor,
      descriptorJson,
      hash: createHash('sha256').update(descriptorJson).digest('hex'),
      relations,
    },
  };
}

function lowerString(value: unknown): string | null {
  return typeof value === 'string' ? value.toLowerCase() : null;
}

/** A best-effort ref for an invalid descriptor, so its error can name the entity. */
export function guessEntityRef(raw: unknown): string | null {
  const value = raw as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
  if (typeof value?.kind !== 'string' || typeof value.metadata?.name !== 'string') return null;
  const namespace = typeof value.metadata.namespace === 'string' ? value.metadata.namespace : undefined;
  return stringifyEntityRef({ kind: value.kind, namespace, name: value.metadata.name });
}
