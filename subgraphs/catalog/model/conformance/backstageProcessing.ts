/**
 * The oracle of the conformance suite: what Backstage's catalog does with one
 * descriptor a location emits, through Backstage's own published code
 * (@backstage/catalog-model 1.10.3), applied in the order its processing engine
 * (plugin-catalog-backend 4.x) applies it:
 *
 * 1. ProcessorOutputCollector: entityEnvelopeSchemaValidator, then the location
 *    annotations merged into metadata.annotations;
 * 2. the default policies: SchemaValid, DefaultNamespace, NoForeignRootFields,
 *    FieldFormat (CatalogBuilder's order);
 * 3. entitySchemaValidator, then BuiltinKindsEntityProcessor.validateEntityKind
 *    with the package's exported kind validators; none claiming the entity means
 *    "No processor recognized the entity ...";
 * 4. BuiltinKindsEntityProcessor.postProcessEntity's relations, reproduced from its
 *    published source with the package's parseEntityRef (plugin-catalog-backend
 *    itself is not a dependency).
 *
 * Template belongs to the scaffolder (plugin-scaffolder-common / -backend), not a
 * dependency: its validator runs our copy of Template.v1beta3's schema through the
 * package's entityKindSchemaValidator, and its relation (ownedBy from spec.owner)
 * is reproduced from ScaffolderEntitiesProcessor's source.
 *
 * The text kept for an error is the innermost cause, as the catalog shows it
 * without Backstage's "Policy check failed for ...; caused by" wrappers.
 * Test support only: production code must not import it.
 */
import {
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  stringifyEntityRef,
  getCompoundEntityRef,
  entityKindSchemaValidator,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { TEMPLATE_SCHEMA } from '../validation/kinds/templateSchema';

export type BackstageVerdict =
  | { ok: true; relations: string[] }
  | { ok: false; error: string };

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const validateEnvelope = entityEnvelopeSchemaValidator();
const validateEntity = entitySchemaValidator();
const templateValidator = entityKindSchemaValidator(TEMPLATE_SCHEMA);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  { check: async (entity: Entity) => Boolean(templateValidator(entity)) },
];

// [kind, spec field, default kind, outgoing, incoming], in postProcessEntity's order.
const RELATION_RULES: [string, string, string | undefined, string, string][] = [
  ['Component', 'owner', 'Group', 'ownedBy', 'ownerOf'],
  ['Component', 'subcomponentOf', 'Component', 'partOf', 'hasPart'],
  ['Component', 'providesApis', 'API', 'providesApi', 'apiProvidedBy'],
  ['Component', 'consumesApis', 'API', 'consumesApi', 'apiConsumedBy'],
  ['Component', 'dependsOn', undefined, 'dependsOn', 'dependencyOf'],
  ['Component', 'dependencyOf', undefined, 'dependencyOf', 'dependsOn'],
  ['Component', 'system', 'System', 'partOf', 'hasPart'],
  ['API', 'owner', 'Group', 'ownedBy', 'ownerOf'],
  ['API', 'system', 'System', 'partOf', 'hasPart'],
  ['Resource', 'owner', 'Group', 'ownedBy', 'ownerOf'],
  ['Resource', 'dependsOn', undefined, 'dependsOn', 'dependencyOf'],
  ['Resource', 'dependencyOf', undefined, 'dependencyOf', 'dependsOn'],
  ['Resource', 'system', 'System', 'partOf', 'hasPart'],
  ['User', 'memberOf', 'Group', 'memberOf', 'hasMember'],
  ['Group', 'parent', 'Group', 'childOf', 'parentOf'],
  ['Group', 'children', 'Group', 'parentOf', 'childOf'],
  ['Group', 'members', 'User', 'hasMember', 'memberOf'],
  ['System', 'owner', 'Group', 'ownedBy', 'ownerOf'],
  ['System', 'domain', 'Domain', 'partOf', 'hasPart'],
  ['Domain', 'owner', 'Group', 'ownedBy', 'ownerOf'],
  ['Domain', 'subdomainOf', 'Domain', 'partOf', 'hasPart'],
  ['Template', 'owner', 'Group', 'ownedBy', 'ownerOf'],
];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What Backstage does with one parsed YAML document of a location. */
export async function backstageProcess(document: unknown): Promise<BackstageVerdict> {
  // parseEntityYaml (plugin-catalog-node) yields only plain objects as entities.
  if (!isPlainObject(document)) return { ok: false, error: `Expected object at root, got ${typeof document}` };
  let entity: Entity;
  try {
    entity = validateEnvelope(document) as Entity;
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
  const annotations = entity.metadata.annotations || {};
  if (typeof annotations === 'object' && !Array.isArray(annotations)) {
    entity = { ...entity, metadata: { ...entity.metadata, annotations: { ...annotations } } };
    // Ensemble derives the location annotations when read; an empty object is what
    // is left of them here.
    if (Object.keys(entity.metadata.annotations!).length === 0) delete entity.metadata.annotations;
  }
  try {
    entity = (await policy.enforce(entity)) as Entity;
    validateEntity(entity);
    let claimed = false;
    for (const validator of kindValidators) {
      if (await validator.check(entity)) {
        claimed = true;
        break;
      }
    }
    if (!claimed) {
      return {
        ok: false,
        error: `No processor recognized the entity ${stringifyEntityRef(entity)} as valid, possibly caused by a foreign kind or apiVersion`,
      };
    }
    return { ok: true, relations: relationsOf(entity) };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

function relationsOf(entity: Entity): string[] {
  const self = getCompoundEntityRef(entity);
  const selfRef = stringifyEntityRef(self);
  const lines = new Set<string>();
  for (const [kind, field, defaultKind, outgoing, incoming] of RELATION_RULES) {
    if (entity.kind !== kind) continue;
    const targets = (entity.spec ?? {})[field] as string | string[] | undefined;
    if (!targets) continue;
    for (const target of [targets].flat()) {
      const targetRef = stringifyEntityRef(parseEntityRef(target, { defaultKind, defaultNamespace: self.namespace }));
      lines.add(`${selfRef} ${outgoing} ${targetRef}`);
      lines.add(`${targetRef} ${incoming} ${selfRef}`);
    }
  }
  return [...lines];
}

/**
 * Backstage's parseEntityYaml (plugin-catalog-node), reproduced from its source: the
 * `yaml` package with default options, the first error of a document, and a root that
 * is not a mapping refused. Returns the errors and the documents it would emit.
 */
export function backstageParseYaml(text: string, location: string): { errors: string[]; documents: unknown[] } {
  const errors: string[] = [];
  const documents: unknown[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors?.length) {
      errors.push(`YAML error at ${location}, ${document.errors[0]}`);
      continue;
    }
    const json = document.toJSON();
    if (json !== null) documents.push(json);
  }
  return { errors, documents };
}
