import { InputError } from '../../../kit';
import { decodeEntityCursor, encodeEntityCursor } from './entityCursor';
import { entityFieldSql } from './entityFieldSql';
import { entityFilterSql, FILTER_LIMITS, type EntityFilterInput } from './entityFilterSql';
import { entityOrderSql } from './entityOrderSql';
import { prefixTsQuery } from './textSearchSql';

// The rules that need no database: which inputs are refused, and that user text travels
// only as parameters. What the SQL selects is tested on real databases in catalog.query.test.ts.
describe('entity query SQL', () => {
  it('reads field paths in Backstage notation and refuses others', () => {
    for (const path of ['kind', 'ref', 'namespace', 'name', 'apiVersion', 'metadata.title', 'metadata.tags', 'spec.system',
      'spec.profile.email', 'metadata.labels.harborandfinch.example.com/tier', 'metadata.annotations.backstage.io/orphan', 'relations.ownedBy']) {
      expect(() => entityFieldSql(path)).not.toThrow();
    }
    for (const path of ['', 'owner', 'foo.bar', 'spec', 'spec..type', 'relations.', 'relations.a.b', 'metadata.labels.']) {
      expect(() => entityFieldSql(path)).toThrow(InputError);
    }
    expect(entityFieldSql('metadata.tags').sortValue).toBeUndefined();
    expect(entityFieldSql('relations.ownedBy').sortValue).toBeUndefined();
  });

  it('passes every user-supplied string as a bound parameter, never as SQL text', () => {
    const evil = "x'); DROP TABLE entities; --";
    const where = entityFilterSql({
      kind: [evil],
      field: [{ field: 'spec.system', values: [evil] }, { field: `metadata.annotations.${evil}`, values: [evil] }],
      hasField: [`spec.${evil}`],
      text: evil,
      not: { tags: [evil] },
    });
    expect(where.sql).not.toContain('DROP');
    expect(where.values.flat(2).join(' ')).toContain('DROP');
  });

  // `kind = $1` lets the planner read a page off the (kind, lifecycle, ref) index in ref
  // order; `kind = ANY($1)` does not (see bench/README.md, "Query plans").
  it('compares a single value with = and several with = ANY', () => {
    expect(entityFilterSql({ kind: ['Component'], lifecycle: ['production'] }).sql).toBe('(e.kind = ? AND e.lifecycle = ?)');
    const several = entityFilterSql({ kind: ['API', 'Component'], owner: ['team-a'] });
    expect(several.sql).toBe('(e.kind = ANY(?::text[]) AND e.owner_ref = ?)');
    expect(several.values).toEqual([['api', 'component'], 'group:default/team-a']);
    expect(entityFilterSql({ kind: [] }).sql).toBe('(e.kind = ANY(?::text[]))');
  });

  it('bounds the size of a filter', () => {
    let deep: EntityFilterInput = { kind: ['component'] };
    for (let level = 0; level < FILTER_LIMITS.depth; level++) deep = { not: deep };
    expect(() => entityFilterSql(deep)).toThrow(/nest at most/);
    const wide: EntityFilterInput = { or: Array.from({ length: FILTER_LIMITS.nodes }, () => ({ kind: ['api'] })) };
    expect(() => entityFilterSql(wide)).toThrow(/at most 100 filters/);
    expect(() => entityFilterSql({ kind: Array.from({ length: FILTER_LIMITS.listLength + 1 }, () => 'api') })).toThrow(/at most 500/);
    expect(() => entityFilterSql({ relation: [{ type: 'ownedBy', targets: ['team-a'] }] })).toThrow(/not an entity ref/);
  });

  it('turns search text into prefix words, ignoring tsquery syntax', () => {
    expect(prefixTsQuery('Checkout-Service')).toBe('checkout:* & service:*');
    expect(prefixTsQuery("pay & !(gate | 'x') :*")).toBe('pay:* & gate:* & x:*');
    expect(prefixTsQuery('Café Ünïcode 42')).toBe('café:* & ünïcode:* & (42:* | -42:*)');
    expect(prefixTsQuery('  !!! ')).toBeNull();
    expect(() => prefixTsQuery(Array.from({ length: 17 }, (_, index) => `w${index}`).join(' '))).toThrow(InputError);
  });

  it('gives cursors that only continue the ordering they came from', () => {
    const cursor = encodeEntityCursor('metadata.title:ASC', { key: 'checkout service', ref: 'component:default/checkout-service' });
    expect(decodeEntityCursor(cursor, 'metadata.title:ASC', 'string')).toEqual({ key: 'checkout service', ref: 'component:default/checkout-service' });
    expect(() => decodeEntityCursor(cursor, 'metadata.title:DESC', 'string')).toThrow(/ordering/);
    expect(() => decodeEntityCursor('not a cursor', 'ref:ASC', 'none')).toThrow(InputError);
    const badRef = encodeEntityCursor('ref:ASC', { key: null, ref: 'Component:Default/X' });
    expect(() => decodeEntityCursor(badRef, 'ref:ASC', 'none')).toThrow(/bad ref/);
    const textKey = encodeEntityCursor('relevance:ASC', { key: 'high', ref: 'component:default/x' });
    expect(() => decodeEntityCursor(textKey, 'relevance:ASC', 'number')).toThrow(/sort value/);
  });

  it('encodes every cursor as base64url of its JSON, short or long, ASCII or not', () => {
    // The format cursors were issued in, so those handed out earlier still decode.
    const positions = [
      { key: null, ref: 'component:default/x' },
      { key: 'café ☕ 𝄞', ref: 'component:default/y' },
      { key: 'long '.repeat(400), ref: 'component:default/z' },
      { key: 'é'.repeat(280), ref: 'component:default/v' },
      { key: 'é'.repeat(700), ref: 'component:default/w' },
    ];
    for (const position of positions) {
      const cursor = encodeEntityCursor('metadata.title:ASC', position);
      expect(cursor).toBe(Buffer.from(JSON.stringify(['metadata.title:ASC', position.key, position.ref]), 'utf8').toString('base64url'));
      expect(decodeEntityCursor(cursor, 'metadata.title:ASC', 'string')).toEqual(position);
    }
  });

  it('refuses orderings it cannot page', () => {
    expect(() => entityOrderSql({ field: 'metadata.tags' }, null)).toThrow(/list/);
    expect(() => entityOrderSql({ field: 'relevance' }, null)).toThrow(/filter.text/);
    expect(() => entityOrderSql({ field: 'nonsense' }, null)).toThrow(/Unknown field/);
    expect(entityOrderSql(null, null).name).toBe('ref:ASC');
  });
});
