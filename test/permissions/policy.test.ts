import path from 'node:path';
import {
  ALLOW,
  loadPolicyFile,
  conditional,
  createRequestAccess,
  definePolicy,
  DENY,
  entityConditions,
  policyFromConfig,
  userIdentity,
  type CallerIdentity,
} from '../../kit';

const PAYMENTS = userIdentity('user:default/tomas.herrera', ['group:default/team-payments']);
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const ANONYMOUS: CallerIdentity = { type: 'anonymous' };

const CONFIG = {
  rules: [
    { who: ['group:default/admins'], action: '*', decision: 'allow' },
    {
      who: 'authenticated',
      action: 'catalog.entity.read',
      conditions: { anyOf: [{ rule: 'IS_ENTITY_OWNER' }, { rule: 'IS_ENTITY_KIND', params: { kinds: ['API'] } }] },
    },
    { who: 'authenticated', action: ['techdocs.*', 'security.finding.read'], decision: 'allow' },
    { who: 'anonymous', action: 'catalog.entity.read', decision: 'deny' },
  ],
};

describe('policy from configuration', () => {
  const policy = policyFromConfig(CONFIG);
  const decide = (action: string, identity: CallerIdentity) => policy.decide({ action }, identity);

  it('lets the first matching rule decide', () => {
    expect(decide('catalog.entity.delete', ADMIN)).toEqual(ALLOW);
    expect(decide('catalog.entity.read', ADMIN)).toEqual(ALLOW);
  });

  it('fills IS_ENTITY_OWNER claims with the caller\'s ownership refs', () => {
    expect(decide('catalog.entity.read', PAYMENTS)).toEqual(
      conditional({
        anyOf: [
          { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: ['user:default/tomas.herrera', 'group:default/team-payments'] } },
          { rule: 'IS_ENTITY_KIND', resourceType: 'catalog-entity', params: { kinds: ['API'] } },
        ],
      }),
    );
  });

  it('matches action patterns and falls back to deny', () => {
    expect(decide('techdocs.docs.read', PAYMENTS)).toEqual(ALLOW);
    expect(decide('security.finding.read', PAYMENTS)).toEqual(ALLOW);
    expect(decide('security.finding.write', PAYMENTS)).toEqual(DENY);
    expect(decide('catalog.entity.create', PAYMENTS)).toEqual(DENY);
    expect(decide('catalog.entity.read', ANONYMOUS)).toEqual(DENY);
    expect(policyFromConfig({ rules: [], default: 'allow' }).decide({ action: 'x.y' }, ANONYMOUS)).toEqual(ALLOW);
  });

  it('keeps explicit claims and adds the caller\'s where asked', () => {
    const explicit = policyFromConfig({
      rules: [{ action: 'catalog.entity.read', conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: ['group:default/x', '$ownershipEntityRefs'] } } }],
    });
    expect(explicit.decide({ action: 'catalog.entity.read' }, ANONYMOUS)).toEqual(
      conditional({ rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: ['group:default/x'] } }),
    );
  });

  it('refuses a malformed policy at load, saying where', () => {
    expect(() => policyFromConfig({ rules: [{ action: 'catalog.entity.read', conditions: { rule: 'IS_OWNER' } }] })).toThrow(
      /policy\.rules\[0\]\.conditions: unknown rule "IS_OWNER"/,
    );
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', conditions: { rule: 'HAS_LABEL', params: {} } }] })).toThrow(/needs params\.label/);
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', conditions: { rule: 'HAS_LABEL', params: { label: 'a', colour: 'b' } } }] })).toThrow(
      /has no parameter "colour"/,
    );
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', decision: 'maybe' }] })).toThrow(/decision: expected allow, deny or conditional/);
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', decision: 'allow', who: ['not a ref'] }] })).toThrow(/who/);
    expect(() => policyFromConfig({ rules: [{ action: 'Catalog Read', decision: 'allow' }] })).toThrow(/action/);
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', decision: 'allow' }], defaults: 'allow' })).toThrow(/unknown key "defaults"/);
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', decision: 'conditional' }] })).toThrow(/needs "conditions"/);
    expect(() => policyFromConfig({ rules: [{ action: 'x.y', conditions: { allOf: {} } }] })).toThrow(/hold a list/);
  });
});

describe('policy as code', () => {
  it('is one function of request and identity, asked once per action and request', () => {
    const asked: string[] = [];
    const policy = definePolicy((request, identity) => {
      asked.push(request.action);
      if (identity.type === 'anonymous') return DENY;
      return request.action === 'catalog.entity.read' ? conditional(entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs })) : ALLOW;
    });
    const access = createRequestAccess(policy, PAYMENTS);
    expect(access.authorize('catalog.entity.read')).toEqual(
      conditional({ rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: PAYMENTS.type === 'user' ? PAYMENTS.ownershipEntityRefs : [] } }),
    );
    access.authorize('catalog.entity.read');
    expect(access.authorize('catalog.entity.delete')).toEqual(ALLOW);
    expect(asked).toEqual(['catalog.entity.read', 'catalog.entity.delete']);
    expect(createRequestAccess(policy, ANONYMOUS).authorize('catalog.entity.read')).toEqual(DENY);
  });
});

describe('policy files', () => {
  it('loads YAML rules and code modules alike', () => {
    const yaml = loadPolicyFile(path.join(__dirname, 'support/groupPolicy.yaml'));
    expect(yaml.decide({ action: 'catalog.entity.create' }, PAYMENTS)).toEqual(DENY);
    expect(yaml.decide({ action: 'catalog.entity.create' }, ADMIN)).toEqual(ALLOW);
    const code = loadPolicyFile(path.join(__dirname, 'support/codePolicy.ts'));
    expect(code.decide({ action: 'catalog.entity.read' }, ADMIN)).toEqual(ALLOW);
    expect(code.decide({ action: 'catalog.entity.read', }, PAYMENTS).result).toBe('CONDITIONAL');
    expect(code.decide({ action: 'catalog.entity.read' }, ANONYMOUS)).toEqual(DENY);
  });

  it('refuses a file it cannot read as a policy', () => {
    expect(() => loadPolicyFile(path.join(__dirname, 'support/signJwt.ts'))).toThrow(/export a definePolicy/);
    expect(() => loadPolicyFile('policy.txt')).toThrow(/\.yaml, \.yml, \.json, \.js or \.ts/);
  });
});
