import { userIdentity } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { GraphClient } from './graph/graphClient';

const SCORECARDS_TOKEN = 'scorecards-service-token-for-this-test';
const CALLER_TOKEN = 'a-person-token-for-this-test';
const SCORECARD = `{ entity(ref: "component:default/checkout-service") {
  scorecard { unknown results { check { id } status reason } } } }`;

// Scorecards read their facts through the gateway, as any client does; a gateway that
// refuses anonymous callers must be given scorecards' own API token.
describe('scorecards behind a gateway without anonymous access', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({
      subgraph: () => ({ demo: true }),
      settings: { SCORECARDS_GATEWAY_TOKEN: SCORECARDS_TOKEN },
      gateway: {
        auth: {
          anonymous: false,
          apiTokens: [
            { token: SCORECARDS_TOKEN, identity: userIdentity('user:default/scorecards') },
            { token: CALLER_TOKEN, identity: userIdentity('user:default/ada.okafor') },
          ],
        },
      },
    });
  });
  afterAll(() => platform?.stop());

  it('scores from real facts with the token the entry point gave it', async () => {
    const response = await postGraphQL(platform.gatewayUrl, SCORECARD, {}, { authorization: `Bearer ${CALLER_TOKEN}` });
    expect(response.errors).toBeUndefined();
    const results: { check: { id: string }; status: string; reason: string }[] = response.data!.entity.scorecard.results;
    expect(results.find((result) => result.check.id === 'has-owner')).toMatchObject({ status: 'PASS', reason: expect.stringMatching(/^owned by group:/) });
    expect(results.filter((result) => result.status === 'UNKNOWN')).toEqual([]);
  });

  it('says which setting is missing when it has no token, or a wrong one', async () => {
    const ask = (token?: string) => new GraphClient({ url: platform.gatewayUrl, token, timeoutMs: 5_000 }).query('{ __typename }', {});
    await expect(ask()).rejects.toThrow('the gateway wants credentials: give scorecards an API token (SCORECARDS_GATEWAY_TOKEN)');
    await expect(ask('not-a-token-the-gateway-knows')).rejects.toThrow('the gateway refused the scorecards token (SCORECARDS_GATEWAY_TOKEN)');
    await expect(ask(SCORECARDS_TOKEN)).resolves.toEqual({ data: { __typename: 'Query' } });
  });
});
