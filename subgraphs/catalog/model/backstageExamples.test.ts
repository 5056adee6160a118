/**
 * Backstage's own example catalog: everything must validate except
 * invalid-component.yaml, and the relations must match what Backstage derives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { deriveRelations } from './deriveRelations';
import type { Entity } from './entityTypes';
import { validateEntity } from './validateEntity';

const EXAMPLES = path.join(__dirname, '../../../../shared/fixtures/backstage-examples');

/**
 * The file's entities, each placeholder ($text, $json, $yaml) replaced by a text, as
 * if resolved: ingestion resolves them before validation.
 */
function readEntities(file: string): unknown[] {
  const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value !== 'object' || value === null) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0])) return `resolved ${keys[0]}`;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
  };
  return parseAllDocuments(text).map(doc => resolve(doc.toJS()));
}

/** The files catalog.yaml points at ("dir/*.yaml" globs only, as used there). */
function catalogFiles(): string[] {
  const [location] = readEntities('catalog.yaml') as Entity[];
  const targets = (location.spec?.targets as string[]).map(t => t.replace(/^\.\//, ''));
  return targets.flatMap(target => {
    if (!target.includes('*')) return [target];
    const dir = path.dirname(target);
    const pattern = new RegExp(`^${path.basename(target).replace(/\./g, '\\.').replace('*', '.*')}$`);
    return fs.readdirSync(path.join(EXAMPLES, dir)).filter(f => pattern.test(f)).map(f => `${dir}/${f}`);
  });
}

const INVALID = 'components/invalid-component.yaml';
// APIs without a definition: Backstage's default API schema refuses them; the mcp-server
// type has its own schema in Backstage's opt-in layer (CATALOG_EXPERIMENTAL_KINDS).
const MCP_SERVER = 'apis/backstage-mcp-server-api.yaml';
const AI_MODEL_SERVER = 'apis/local-ai-model-server-api.yaml';
const files = ['catalog.yaml', ...catalogFiles(), 'acme/infrastructure-group.yaml', 'acme/boxoffice-group.yaml',
  'acme/backstage-group.yaml', 'acme/team-a-group.yaml', 'acme/team-b-group.yaml', 'acme/team-c-group.yaml',
  'acme/team-d-group.yaml'];

describe('Backstage example entities', () => {
  it('finds the example files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(INVALID);
  });

  it.each(files.filter(f => ![INVALID, MCP_SERVER, AI_MODEL_SERVER].includes(f)))('accepts %s', file => {
    for (const raw of readEntities(file)) {
      const result = validateEntity(raw);
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (result.ok) expect(() => deriveRelations(result.entity)).not.toThrow();
    }
  });

  it('refuses APIs without a definition by default, and accepts the mcp-server one with the opt-in schemas', () => {
    const definitionMissing = "/spec must have required property 'definition' - missingProperty: definition";
    for (const file of [MCP_SERVER, AI_MODEL_SERVER]) {
      const result = validateEntity(readEntities(file)[0]);
      expect(result.ok ? [] : result.errors).toEqual([definitionMissing]);
    }
    expect(validateEntity(readEntities(MCP_SERVER)[0], { experimentalKinds: true }).ok).toBe(true);
  });

  it('rejects invalid-component.yaml for its name, with Backstage\'s message', () => {
    const [raw] = readEntities(INVALID);
    const result = validateEntity(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toBe(
        '"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "invalid component". To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md',
      );
    }
  });

  it('derives the relations Backstage shows for the examples', () => {
    const relations = files
      .filter(f => ![INVALID, MCP_SERVER, AI_MODEL_SERVER].includes(f))
      .flatMap(readEntities)
      .map(raw => validateEntity(raw))
      .flatMap(result => (result.ok ? deriveRelations(result.entity) : []))
      .map(r => `${r.sourceRef} ${r.type} ${r.targetRef}`);

    expect(relations).toEqual(
      expect.arrayContaining([
        'component:default/artist-lookup ownedBy group:default/team-a',
        'group:default/team-a ownerOf component:default/artist-lookup',
        'component:default/artist-lookup dependsOn resource:default/artists-db',
        'resource:default/artists-db dependencyOf component:default/artist-lookup',
        'component:alternative/different-namespace ownedBy group:default/team-a',
        'user:development/guest memberOf group:default/team-a',
        'group:default/team-a hasMember user:development/guest',
        'group:default/team-a childOf group:default/backstage',
        'group:default/acme-corp parentOf group:default/infrastructure',
      ]),
    );
  });
});
