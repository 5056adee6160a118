/** One `_entities` answer merged into an entity of an earlier answer: how to take it out again. */
export interface EntityMerge {
  target: Record<string, unknown>;
  received: Record<string, unknown>;
  /** The gateway gives an answer without `__typename` its entity's; so did the lean path. */
  typenameAdded: boolean;
  /** The entity's `__typename` before an answer with another one replaced it (an `@interfaceObject`'s `Entity` becoming `Component`). */
  replacedTypename: { had: boolean; value: unknown } | null;
}

const hasOwn = Object.prototype.hasOwnProperty;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges each `_entities` answer into its entity as `@apollo/gateway`'s `executeFetch`
 * does (the answer takes its entity's `__typename` when it has none, then `deepMerge`),
 * when the merge only adds fields the entity does not have, besides its type name:
 * what a plan's fetches do, each subgraph answering its own fields. Anything else (a
 * field both have, an entity or answer that is not an object, an empty type name)
 * returns false: the lean path then hands every answer to the gateway, having taken
 * out (`undoMerges`) what it merged, so the gateway reads them exactly as received.
 */
export function mergeEntityAnswers(entities: unknown[], entityOf: number[], answers: unknown[], log: EntityMerge[]): boolean {
  for (let i = 0; i < answers.length; i++) {
    const received = answers[i];
    // The gateway's deepMerge of null or undefined changes nothing.
    if (received === null || received === undefined) continue;
    const target = entities[entityOf[i]];
    if (!isObject(received) || !isObject(target)) return false;
    const ownTypename = hasOwn.call(received, '__typename');
    if (ownTypename ? !received.__typename : '__typename' in received) return false;
    for (const key of Object.keys(received)) {
      // `__proto__` would be a prototype to a plain assignment; the gateway defines it as a field.
      if (key !== '__typename' && received[key] !== undefined && (hasOwn.call(target, key) || key === '__proto__')) return false;
    }
    let replacedTypename: EntityMerge['replacedTypename'] = null;
    if (!ownTypename) received.__typename = target.__typename;
    else if (received.__typename !== target.__typename) {
      replacedTypename = { had: hasOwn.call(target, '__typename'), value: target.__typename };
      target.__typename = received.__typename;
    }
    for (const key of Object.keys(received)) {
      if (key !== '__typename' && received[key] !== undefined) target[key] = received[key];
    }
    log.push({ target, received, typenameAdded: !ownTypename, replacedTypename });
  }
  return true;
}

/** Takes the merges out again, newest first: every answer as received, every entity as its subgraph sent it. */
export function undoMerges(log: EntityMerge[]): void {
  for (let i = log.length - 1; i >= 0; i--) {
    const { target, received, typenameAdded, replacedTypename } = log[i];
    for (const key of Object.keys(received)) {
      if (key !== '__typename' && received[key] !== undefined) delete target[key];
    }
    if (typenameAdded) delete received.__typename;
    if (replacedTypename?.had) target.__typename = replacedTypename.value;
    else if (replacedTypename) delete target.__typename;
  }
  log.length = 0;
}
