import { composeServices } from '@apollo/composition';
import {
  GraphQLInterfaceType,
  GraphQLObjectType,
  Kind,
  defaultFieldResolver,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { ALLOW_ALL_POLICY, bindRequestAccess, createRequestAccess, type SubgraphModule } from '../../kit';

/** One subgraph of the monolith: its module and the services it already opened. */
export interface MonolithPart {
  module: SubgraphModule<any, any>;
  services: unknown;
  /** Adjusts the subgraph's per-request context (the scorecards read facts from the monolith itself). */
  adjustContext?: (context: any) => any;
}

type Resolver = GraphQLFieldResolver<any, any>;
/** Federation's `__resolveReference(reference, context, info)`: no arguments position. */
type ResolveReference = (reference: object, context: unknown, info: unknown) => unknown;

/** Per request: each subgraph's own context. An object around the map, since Apollo Server copies the context value's own properties. */
export interface MonolithContext {
  byPart: Map<MonolithPart, unknown>;
}
type ResolverMap = Record<string, Record<string, unknown>>;

interface FieldOwner {
  part: MonolithPart;
  /** Declared on an `@interfaceObject` type: the parent is another subgraph's entity, turned into this one's reference. */
  onInterfaceObject: boolean;
  /** Top-level fields of `@requires(fields: ...)`, read from the entity's owner first. */
  requires: string[];
}

/**
 * The same graph served by one server without federation, for the benchmark's
 * comparison: the composed API schema (exactly what the gateway serves), with every
 * field resolved by the resolver of the subgraph that owns it, called directly, on that
 * subgraph's own per-request context and services. Where federation would cross a
 * subgraph boundary, this does in memory what the gateway does over the wire:
 * - a plugin field on an entity: the entity becomes the plugin's reference
 *   (`{ ref, ...@requires fields read through the catalog's resolvers }`, then the
 *   plugin's `__resolveReference`), once per entity and plugin per request;
 * - a plugin field returning an entity stub (`{ ref }`): the owner's `__resolveReference`.
 * DataLoaders batch per request exactly as they do behind the gateway, so the
 * database work is the same; what is missing is planning, subgraph calls and JSON.
 * Merging the typeDefs into one `buildSubgraphSchema` does not work: the catalog's
 * `interface Entity` and the plugins' `type Entity @interfaceObject` are one name
 * with two kinds.
 */
export function createMonolithSchema(parts: MonolithPart[]): { schema: GraphQLSchema; createContext(): MonolithContext } {
  const composed = composeServices(parts.map(({ module }) => ({ name: module.name, url: `http://${module.name}`, typeDefs: module.typeDefs })));
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const schema = composed.schema.toAPISchema().toGraphQLJSSchema();
  const owners = fieldOwners(parts);
  const entityOwner = (typeName: string) => owners.get(`${typeName}.__entity`)?.part;
  const contextOf = (context: MonolithContext, part: MonolithPart) => context.byPart.get(part);

  // Entities of one subgraph as another subgraph's references, once per request.
  const references = new WeakMap<Map<MonolithPart, unknown>, Map<MonolithPart, WeakMap<object, Promise<unknown>>>>();
  const referenceOf = (context: MonolithContext, owner: FieldOwner, parent: any, typeName: string, info: any): Promise<unknown> => {
    let byPart = references.get(context.byPart);
    if (!byPart) references.set(context.byPart, (byPart = new Map()));
    let byEntity = byPart.get(owner.part);
    if (!byEntity) byPart.set(owner.part, (byEntity = new WeakMap()));
    let reference = byEntity.get(parent);
    if (!reference) {
      reference = (async () => {
        const source = entityOwner(typeName) ?? entityOwner('Entity')!;
        const representation: Record<string, unknown> = { __typename: 'Entity', ref: await resolveOwn(source, typeName, 'ref', parent, context, info) };
        for (const field of owner.requires) representation[field] = await resolveOwn(source, typeName, field, parent, context, info);
        const resolveReference = (owner.part.module.resolvers as ResolverMap).Entity?.__resolveReference as ResolveReference | undefined;
        return resolveReference ? resolveReference(representation, contextOf(context, owner.part), info) : representation;
      })();
      byEntity.set(parent, reference);
    }
    return reference;
  };
  const resolveOwn = async (part: MonolithPart, typeName: string, field: string, parent: any, context: MonolithContext, info: any) => {
    const resolvers = part.module.resolvers as ResolverMap;
    const resolver = (resolvers[typeName]?.[field] ?? resolvers.Entity?.[field]) as Resolver | undefined;
    return resolver ? resolver(parent, {}, contextOf(context, part), info) : parent[field];
  };
  // A stub `{ ref }` a plugin returns for an entity another subgraph owns.
  const resolveStub = async (stub: any, type: GraphQLOutputType, context: MonolithContext, info: any, from: MonolithPart): Promise<unknown> => {
    if (stub === null || stub === undefined) return stub;
    if (isNonNullType(type)) return resolveStub(stub, type.ofType, context, info, from);
    if (isListType(type)) return Promise.all((await stub).map((item: unknown) => resolveStub(item, type.ofType, context, info, from)));
    const owner = entityOwner(getNamedType(type).name);
    if (!owner || owner === from) return stub;
    const resolveReference = (owner.module.resolvers as ResolverMap)[getNamedType(type).name]?.__resolveReference as ResolveReference;
    return resolveReference({ __typename: getNamedType(type).name, ...stub }, contextOf(context, owner), info);
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInterfaceType(type)) {
      const part = entityOwner(type.name) ?? parts.find(({ module }) => (module.resolvers as ResolverMap)[type.name]?.__resolveType);
      const resolveType = part && ((part.module.resolvers as ResolverMap)[type.name]?.__resolveType as GraphQLInterfaceType['resolveType']);
      if (resolveType) type.resolveType = resolveType;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const interfaces = (type as GraphQLObjectType).getInterfaces().map((face) => face.name);
    for (const field of Object.values(type.getFields())) {
      const owner = owners.get(`${type.name}.${field.name}`) ?? interfaces.map((face) => owners.get(`${face}.${field.name}`)).find(Boolean);
      if (!owner) continue;
      const resolvers = owner.part.module.resolvers as ResolverMap;
      const own = (owner.onInterfaceObject ? resolvers.Entity?.[field.name] : (resolvers[type.name]?.[field.name] ?? interfaces.map((face) => resolvers[face]?.[field.name]).find(Boolean))) as
        | Resolver
        | undefined;
      const base: Resolver = own ?? defaultFieldResolver;
      const returnsForeignEntity = (() => {
        const owning = entityOwner(getNamedType(field.type).name);
        return owning !== undefined && owning !== owner.part;
      })();
      const typeName = type.name;
      field.resolve = async (parent, args, context: MonolithContext, info) => {
        const source = owner.onInterfaceObject ? await referenceOf(context, owner, parent, typeName, info) : parent;
        const value = await base(source, args, contextOf(context, owner.part), info);
        return returnsForeignEntity ? resolveStub(value, field.type, context, info, owner.part) : value;
      };
    }
  }
  return {
    schema,
    createContext: () => ({
      byPart: new Map(
        parts.map((part) => {
          const context = part.module.createContext(part.services, { headers: {} } as never);
          bindRequestAccess(context, createRequestAccess(ALLOW_ALL_POLICY, { type: 'anonymous' }));
          return [part, part.adjustContext ? part.adjustContext(context) : context];
        }),
      ),
    }),
  };
}

/** Which subgraph resolves each `Type.field`, and which types each subgraph keys as entities. */
function fieldOwners(parts: MonolithPart[]): Map<string, FieldOwner> {
  const owners = new Map<string, FieldOwner>();
  for (const part of parts) {
    for (const definition of (part.module.typeDefs as DocumentNode).definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
      )
        continue;
      const directives = (definition.directives ?? []).map((directive) => directive.name.value);
      const onInterfaceObject = directives.includes('interfaceObject');
      if (directives.includes('key') && !onInterfaceObject && !owners.has(`${definition.name.value}.__entity`)) {
        owners.set(`${definition.name.value}.__entity`, { part, onInterfaceObject: false, requires: [] });
      }
      for (const field of definition.fields ?? []) {
        const key = `${definition.name.value}.${field.name.value}`;
        if ((onInterfaceObject && field.name.value === 'ref') || isExternal(field) || owners.has(key)) continue;
        owners.set(key, { part, onInterfaceObject, requires: requiredFields(field) });
      }
    }
  }
  return owners;
}

function isExternal(field: FieldDefinitionNode): boolean {
  return (field.directives ?? []).some((directive) => directive.name.value === 'external');
}

function requiredFields(field: FieldDefinitionNode): string[] {
  const requires = (field.directives ?? []).find((directive) => directive.name.value === 'requires');
  const value = requires?.arguments?.find((argument) => argument.name.value === 'fields')?.value;
  if (!value || value.kind !== Kind.STRING) return [];
  // Top-level names only: `annotations { key value }` → annotations (the owner resolves the rest).
  return value.value.replace(/\{[^{}]*\}/g, ' ').split(/\s+/).filter(Boolean);
}
