import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { policyFromConfig } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const MEMBER_TOKEN = 'payments-member-token-0123456789';
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
/** team-discovery's: hidden from a team-payments member. */
const HIDDEN = 'component:default/recommendation-engine';
const HIDDEN_SLUG = 'harbor-and-finch/recommendation-engine';
/** Nobody's. */
const MISSING = 'component:default/no-such-service';
const MISSING_SLUG = 'harbor-and-finch/no-such-service';
/** team-payments': the member's own. */
const OWN = 'component:default/checkout-service';

// Members read what their group owns and may write plugin data; admins do anything.
const policy = policyFromConfig({
  rules: [
    { who: ['group:default/admins'], action: '*', decision: 'allow' },
    { who: 'authenticated', action: 'catalog.entity.read', conditions: { rule: 'IS_ENTITY_OWNER' } },
    {
      who: 'authenticated',
      action: ['cicd.run.create', 'cicd.run.read', 'security.finding.create', 'security.finding.read', 'techdocs.docs.publish', 'techdocs.docs.read'],
      decision: 'allow',
    },
  ],
  default: 'deny',
});

const RECORD = 'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { id } }';
const NPM_AUDIT = 'mutation ($ref: ID!, $report: String!) { importNpmAudit(entityRef: $ref, report: $report) { opened } }';
const SARIF = 'mutation ($ref: ID!, $sarif: String!) { importSarif(entityRef: $ref, sarif: $sarif) { opened } }';
const PUBLISH = 'mutation ($ref: ID!, $dir: String!) { publishDocs(entityRef: $ref, sourceDir: $dir) { pageCount } }';
const CARD = `query ($ref: ID!) { entity(ref: $ref) {
  scorecard { level results { check { id } status } }
  buildStats { runCount failureCount }
  vulnerabilities(state: null) { id }
} }`;

// A plugin write needs an entity that exists and that the caller may read: a restricted
// user writing to a hidden entity gets exactly the answer a missing entity gives, and
// nothing lands on the hidden entity (its scorecard stays as it was).
describe('plugin writes to an entity the caller cannot read', () => {
  let platform: TestPlatform;
  let docs: string;
  const as = (token: string) => (query: string, variables: Record<string, unknown>) =>
    postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  const asMember = as(MEMBER_TOKEN);
  const asAdmin = as(ADMIN_TOKEN);
  /** An error as a caller sees it, with the ref or slug it names taken out. */
  const refusal = async (answer: Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>, named: string) => {
    const { data, errors } = await answer;
    expect(errors).toHaveLength(1);
    return { data, code: errors![0].extensions?.code, message: errors![0].message.replaceAll(named, '<ref>') };
  };
  const run = (input: Record<string, unknown>) => ({ input: { pipeline: 'deploy', status: 'FAILED', startedAt: new Date(Date.now() - 60_000).toISOString(), ...input } });
  const npmAudit = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} });
  const sarif = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'forger', rules: [] } }, results: [] }] });

  beforeAll(async () => {
    docs = mkdtempSync(path.join(tmpdir(), 'ensemble-hidden-docs-'));
    mkdirSync(path.join(docs, 'docs'));
    writeFileSync(path.join(docs, 'docs', 'index.md'), '# Forged\n\nNothing to see.\n');
    platform = await startPlatform({
      only: ['catalog', 'cicd', 'security', 'techdocs', 'scorecards'],
      subgraph: (name) => ({ demo: name === 'catalog', policy }),
      settings: { TECHDOCS_SOURCE_ROOTS: docs },
      gateway: {
        auth: {
          anonymous: false,
          apiTokens: [
            parseApiToken(`${MEMBER_TOKEN}=user:default/tomas.herrera,group:default/team-payments`),
            parseApiToken(`${ADMIN_TOKEN}=user:default/rosalind,group:default/admins`),
          ],
        },
      },
    });
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
    rmSync(docs, { recursive: true, force: true });
  });

  it('answers a hidden entity exactly as a missing one, for every plugin write, and changes nothing', async () => {
    const before = await asAdmin(CARD, { ref: HIDDEN });
    expect(before.errors).toBeUndefined();
    expect((await asMember('query ($ref: ID!) { entity(ref: $ref) { ref } }', { ref: HIDDEN })).data).toEqual({ entity: null });

    const writes: [string, (target: string) => Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>][] = [
      ['recordPipelineRun by ref', (ref) => asMember(RECORD, run({ entityRef: ref }))],
      ['importNpmAudit', (ref) => asMember(NPM_AUDIT, { ref, report: npmAudit })],
      ['importSarif', (ref) => asMember(SARIF, { ref, sarif })],
      ['publishDocs', (ref) => asMember(PUBLISH, { ref, dir: docs })],
    ];
    for (const [name, write] of writes) {
      const hidden = await refusal(write(HIDDEN), HIDDEN);
      const missing = await refusal(write(MISSING), MISSING);
      expect({ name, ...hidden }).toEqual({ name, ...missing });
      expect(hidden.code).toBe('NOT_FOUND');
    }
    // A run reported by project slug lands on the entities carrying it: the same rule.
    const bySlug = await refusal(asMember(RECORD, run({ projectSlug: HIDDEN_SLUG })), HIDDEN_SLUG);
    expect(bySlug).toEqual(await refusal(asMember(RECORD, run({ projectSlug: MISSING_SLUG })), MISSING_SLUG));
    expect(bySlug.code).toBe('NOT_FOUND');

    const after = await asAdmin(CARD, { ref: HIDDEN });
    expect(after).toEqual(before);
    expect(after.data).toMatchObject({ entity: { buildStats: { runCount: 0 }, vulnerabilities: [] } });
  }, 240_000);

  it('lets the member write to an entity they can read', async () => {
    const recorded = await asMember(RECORD, run({ entityRef: OWN }));
    expect(recorded.errors).toBeUndefined();
    const slug = await asMember(RECORD, run({ projectSlug: 'harbor-and-finch/checkout-service' }));
    expect(slug.errors).toBeUndefined();
    const audit = await asMember(NPM_AUDIT, { ref: OWN, report: npmAudit });
    expect(audit.errors).toBeUndefined();
    const published = await asMember(PUBLISH, { ref: OWN, dir: docs });
    expect(published.errors).toBeUndefined();
    expect((await asAdmin(CARD, { ref: OWN })).data).toMatchObject({ entity: { buildStats: { runCount: 2, failureCount: 2 } } });
  }, 240_000);
});
