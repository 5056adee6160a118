import { conditional, DENY, ALLOW, entityConditions } from '../../kit';
import { criteriaSql, permissionFilterSql } from '../../subgraphs/catalog/data/permissionConditionSql';

/** The SQL text with its bound values, whitespace folded, for comparison. */
function shown(sql: { text: string; values: unknown[] } | null) {
  return sql && { sql: sql.text.replace(/\s+/g, ' ').trim(), values: sql.values };
}

describe('permission conditions as catalog SQL', () => {
  it('adds nothing for ALLOW and hides everything for DENY', () => {
    expect(permissionFilterSql(ALLOW)).toBeNull();
    expect(shown(permissionFilterSql(DENY))).toEqual({ sql: 'FALSE', values: [] });
  });

  it('turns IS_ENTITY_OWNER into the indexed owner column, with canonical claims as one parameter', () => {
    expect(shown(criteriaSql(entityConditions.isEntityOwner({ claims: ['group:default/Team-Payments', 'user:ada', 'not a ref'] })))).toEqual({
      sql: '(e.owner_ref = ANY($1::text[]))',
      values: [['group:default/team-payments', 'user:default/ada']],
    });
  });

  it('combines rules with allOf / anyOf / not, and empty lists mean all / nothing', () => {
    const criteria = {
      allOf: [
        entityConditions.isEntityKind({ kinds: ['Component', 'API'] }),
        { not: entityConditions.hasAnnotation({ annotation: 'backstage.io/techdocs-ref' }) },
        { anyOf: [] },
      ],
    };
    const sql = shown(criteriaSql(criteria))!;
    expect(sql.sql).toMatch(/^\(\(e\.kind = ANY\(\$1::text\[\]\)\) AND \(\(EXISTS \(.*\$4::text\[\].*\)\) IS NOT TRUE\) AND FALSE\)$/);
    const path = ['metadata', 'annotations', 'backstage.io/techdocs-ref'];
    expect(sql.values).toEqual([['component', 'api'], path, path, path]);
    expect(shown(criteriaSql({ allOf: [] }))).toEqual({ sql: 'TRUE', values: [] });
  });

  it('reads labels, annotation values, metadata and spec through the same field paths as filters', () => {
    expect(shown(criteriaSql(entityConditions.hasAnnotation({ annotation: 'a/b', value: 'x' })))!.values).toContainEqual(['x']);
    expect(shown(criteriaSql(entityConditions.hasLabel({ label: 'tier' })))!.values).toContainEqual(['metadata', 'labels', 'tier']);
    expect(shown(criteriaSql(entityConditions.hasMetadata({ key: 'title' })))!.values).toContainEqual(['metadata', 'title']);
    expect(shown(criteriaSql(entityConditions.hasSpec({ key: 'profile.email' })))!.values).toContainEqual(['spec', 'profile', 'email']);
    expect(shown(criteriaSql(entityConditions.hasSpec({ key: 'lifecycle', value: 'Production' })))).toEqual({
      sql: 'e."lifecycle" = ANY($1::text[])',
      values: [['production']],
    });
  });

  it('reports a condition it cannot apply as the operator\'s mistake, not the caller\'s', () => {
    expect(() => criteriaSql({ rule: 'HAS_SPEC', params: { key: 'a..b' } })).toThrow(/permission policy's condition .* cannot be applied/);
    expect(() => permissionFilterSql(conditional({ rule: 'NO_SUCH_RULE' }))).toThrow(/cannot be applied: unknown rule/);
  });
});
