/** The words a new plugin's files are written with. */
export interface PluginWords {
  /** `oncall`: folders, subgraph name, table prefix. */
  name: string;
  /** `Oncall`: type names. */
  pascal: string;
  /** `@ensemble/oncall-team`. */
  team: string;
  port: number;
}

/**
 * The files of a minimal working plugin, by path from the repository root: what a team
 * needs on day one (one field on Entity backed by one table, demo data, the two tests the
 * house asks of every plugin), not a copy of cicd. The first migration is not here: the
 * scaffold writes it with `npm run migration`'s engine from this schema.prisma.
 */
export function pluginTemplate(words: PluginWords): Record<string, string> {
  const { name, pascal, team, port } = words;
  const sub = `subgraphs/${name}`;
  return {
    [`${sub}/plugin.ts`]: `import { definePlugin } from '../../kit/plugin/definePlugin';

/** The ${name} plugin's description of itself (kit/plugin/definePlugin.ts says what each part is for). */
export const plugin = definePlugin({
  name: '${name}',
  team: '${team}',
  description: 'Notes about catalog entities.',
  port: ${port},
  settings: [],
  demoData: 'Two notes about example components (demo/demoNotes.ts).',
  codegen: {
    contextType: 'context#${pascal}Context',
    mappers: { Entity: 'data/entityKey#EntityKey', ${pascal}Note: 'data/noteRecord#NoteRecord' },
  },
  load: async () => (await import('.')).create${pascal}Subgraph(),
});
`,
    [`${sub}/index.ts`]: `import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/${name}/generated/client';
import type { ${pascal}Context } from './context';
import { writeDemoNotes } from './demo/demoNotes';
import { resolvers } from './resolvers';

/** The ${name} plugin subgraph: notes about catalog entities. */
export function create${pascal}Subgraph(): SubgraphModule<${pascal}Context, ${pascal}Context> {
  return {
    name: '${name}',
    typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
    resolvers,
    migrationsDir: path.resolve(__dirname, '../../prisma/${name}/migrations'),
    createServices: (database) => ({ prisma: new PrismaClient({ adapter: database.adapter }) }),
    // A fresh object per request: request-scoped loaders are keyed by it.
    createContext: (services) => ({ ...services }),
    afterStart: async (services, runtime) => {
      if (!runtime.demo) return;
      runtime.log(\`${name}: \${await writeDemoNotes(services.prisma)} demo notes written\`);
    },
    disposeServices: (services) => services.prisma.$disconnect(),
  };
}
`,
    [`${sub}/context.ts`]: `import type { PrismaClient } from '../../prisma/${name}/generated/client';

/** What every ${name} resolver gets; loaders are built from it lazily, per request. */
export interface ${pascal}Context {
  prisma: PrismaClient;
}
`,
    [`${sub}/schema.graphql`]: `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])

"""
Every catalog entity, as the ${name} plugin sees it: only its ref, plus the plugin's own
fields. The catalog owns everything else about it.
"""
type Entity @key(fields: "ref") @interfaceObject {
  "The entity's canonical ref, \`kind:namespace/name\`."
  ref: ID!
  "Notes about the entity, newest first: empty when there are none, null when the ${name} plugin is down."
  ${name}Notes: [${pascal}Note!]
}

"One note the ${name} plugin keeps about an entity."
type ${pascal}Note {
  "What the note says."
  text: String!
  "When it was written, ISO 8601."
  writtenAt: String!
}
`,
    [`${sub}/loaders.ts`]: `import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { ${pascal}Context } from './context';
import { findNotes } from './data/findNotes';

/** Per request: one query for the notes of every entity in a response. */
export const ${name}Loaders = requestScoped((context: ${pascal}Context) => ({
  notes: new DataLoader((refs: readonly string[]) => findNotes(context.prisma, refs)),
}));
`,
    [`${sub}/resolvers/index.ts`]: `import type { Resolvers } from '../generated/resolvers';
import { Entity } from './Entity';
import { ${pascal}Note } from './${pascal}Note';

export const resolvers: Resolvers = { Entity, ${pascal}Note };
`,
    [`${sub}/resolvers/Entity.ts`]: `import type { EntityResolvers } from '../generated/resolvers';
import { ${name}Loaders } from '../loaders';

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref; this plugin needs nothing else to resolve its fields.
  __resolveReference: (reference) => ({ ref: reference.ref }),
  ${name}Notes: (entity, _, context) => ${name}Loaders(context).notes.load(entity.ref),
};
`,
    [`${sub}/resolvers/${pascal}Note.ts`]: `import type { ${pascal}NoteResolvers } from '../generated/resolvers';

export const ${pascal}Note: ${pascal}NoteResolvers = {
  writtenAt: (note) => note.writtenAt.toISOString(),
};
`,
    [`${sub}/data/entityKey.ts`]: `/** A catalog entity as this plugin knows it: by ref alone. */
export interface EntityKey {
  ref: string;
}
`,
    [`${sub}/data/noteRecord.ts`]: `/** A note as resolvers receive it: the stored row's fields. */
export interface NoteRecord {
  entityRef: string;
  text: string;
  writtenAt: Date;
}
`,
    [`${sub}/data/findNotes.ts`]: `import { manyInKeyOrder } from '../../../kit';
import type { PrismaClient } from '../../../prisma/${name}/generated/client';
import type { NoteRecord } from './noteRecord';

/** The notes of each entity, newest first, in the order of \`refs\`: one query for all of them. */
export async function findNotes(prisma: PrismaClient, refs: readonly string[]): Promise<NoteRecord[][]> {
  const rows = await prisma.note.findMany({ where: { entityRef: { in: [...refs] } }, orderBy: [{ writtenAt: 'desc' }, { id: 'asc' }] });
  return manyInKeyOrder(refs, rows, (row) => row.entityRef);
}
`,
    [`${sub}/data/writeNote.ts`]: `import type { PrismaClient } from '../../../prisma/${name}/generated/client';
import type { NoteRecord } from './noteRecord';

/** Records a note about an entity (\`id\` makes rewriting the same note a no-op). */
export async function writeNote(prisma: PrismaClient, note: NoteRecord & { id?: string }): Promise<void> {
  const { id, ...fields } = note;
  if (id) await prisma.note.upsert({ where: { id }, create: { id, ...fields }, update: fields });
  else await prisma.note.create({ data: fields });
}
`,
    [`${sub}/data/findNotes.test.ts`]: `import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import type { ${pascal}Context } from '../context';
import { create${pascal}Subgraph } from '../index';
import { findNotes } from './findNotes';
import { writeNote } from './writeNote';

const SHOP = 'component:default/web-shop';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describeEachDatabase('${name} findNotes', (kind) => {
  let ${name}: TestSubgraphOnDatabase<${pascal}Context>;

  beforeAll(async () => {
    ${name} = await startTestSubgraphOn(kind, create${pascal}Subgraph());
  });

  afterAll(() => ${name}?.stop());

  it('returns each entity its notes, newest first, in the order asked, and none for an unknown entity', async () => {
    const prisma = ${name}.subgraph.services.prisma;
    await writeNote(prisma, { entityRef: SHOP, text: 'older', writtenAt: at(1) });
    await writeNote(prisma, { entityRef: SHOP, text: 'newer', writtenAt: at(2) });
    await writeNote(prisma, { entityRef: 'component:default/other', text: 'elsewhere', writtenAt: at(3) });

    const [unknown, shop] = await findNotes(prisma, ['component:default/unknown', SHOP]);
    expect(unknown).toEqual([]);
    expect(shop.map((note) => note.text)).toEqual(['newer', 'older']);
  });
});
`,
    [`${sub}/${name}.entities.test.ts`]: `import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../kit/testing';
import { DEMO_NOTES } from './demo/demoNotes';
import type { ${pascal}Context } from './context';
import { create${pascal}Subgraph } from './index';

/**
 * The contract with the gateway: asked for \`Entity\` representations by ref alone, the
 * subgraph answers with its fields, in the order asked, for entities it knows and for
 * entities it has never heard of.
 */
describe('${name} subgraph _entities', () => {
  let subgraph: RunningTestSubgraph<${pascal}Context>;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(create${pascal}Subgraph(), { demo: true });
  });

  afterAll(() => subgraph?.stop());

  it('resolves each representation by ref, in order, with its notes', async () => {
    const [demo] = DEMO_NOTES;
    const response = await postGraphQL(
      subgraph.url,
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Entity { ref ${name}Notes { text writtenAt } } } }',
      { representations: ['group:default/nobody', demo.entityRef].map((ref) => ({ __typename: 'Entity', ref })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { ref: 'group:default/nobody', ${name}Notes: [] },
      { ref: demo.entityRef, ${name}Notes: [{ text: demo.text, writtenAt: demo.writtenAt.toISOString() }] },
    ]);
  });
});
`,
    [`${sub}/demo/demoNotes.ts`]: `import type { PrismaClient } from '../../../prisma/${name}/generated/client';
import { writeNote } from '../data/writeNote';

/** Notes about two components of the demo catalog (demo/); fixed ids make a restart rewrite, not repeat, them. */
export const DEMO_NOTES = [
  { id: 'demo-1', entityRef: 'component:default/checkout-service', text: 'Owned around the clock by the payments team.', writtenAt: new Date('2026-01-05T09:00:00Z') },
  { id: 'demo-2', entityRef: 'component:default/web-shop', text: 'Pages the storefront rota first.', writtenAt: new Date('2026-01-06T09:00:00Z') },
];

export async function writeDemoNotes(prisma: PrismaClient): Promise<number> {
  for (const note of DEMO_NOTES) await writeNote(prisma, note);
  return DEMO_NOTES.length;
}
`,
    [`${sub}/README.md`]: `# ${name}

Owner: ${team} (see CODEOWNERS). Database: \`prisma/${name}/\`.

Notes about catalog entities: \`Entity.${name}Notes\`, newest first. Written by
\`npm run new-plugin\`; grow it from here. subgraphs/README.md says what each file is for
and what the kit gives a plugin.

- Change the graph: \`schema.graphql\`, then \`npm run generate\` (resolver types in \`generated/\`).
- Change the database: \`prisma/${name}/schema.prisma\`, then \`npm run migration -- ${name} <name>\`
  writes the next migration; review it and commit both.
- Run it alone: \`npm run subgraph -- ${name} --insecure-dev --in-memory --demo\` (port ${port}).
- Tests: \`${name}.entities.test.ts\` (the gateway's \`_entities\` contract) and
  \`data/findNotes.test.ts\` (on PGlite and PostgreSQL).
`,
    [`prisma/${name}/schema.prisma`]: `// The ${name} plugin subgraph's database.
// Migrations: prisma/${name}/migrations (\`npm run migration -- ${name} <name>\` writes the next one).

generator client {
  provider     = "prisma-client"
  output       = "./generated"
  moduleFormat = "cjs"
}

datasource db {
  provider = "postgresql"
}

/// A note about one catalog entity.
model Note {
  id        String   @id @default(uuid())
  /// The entity's canonical ref, \`kind:namespace/name\`.
  entityRef String   @map("entity_ref")
  text      String
  writtenAt DateTime @default(now()) @map("written_at")

  @@index([entityRef, writtenAt])
  @@map("notes")
}
`,
    [`prisma/${name}/migrations/migration_lock.toml`]: `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`,
  };
}
