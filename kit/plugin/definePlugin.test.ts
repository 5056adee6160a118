import { definePlugin, type PluginDeclaration } from './definePlugin';
import { describePluginSettings } from './describePluginSettings';
import { provideGatewayNeeds } from './provideGatewayNeeds';
import { pluginWebCardsModule } from './pluginWebCardsModule';

const base: PluginDeclaration = {
  name: 'oncall',
  team: '@ensemble/oncall-team',
  description: 'Who is on call.',
  port: 4010,
  settings: [],
  codegen: { contextType: 'context#OncallContext' },
  load: () => Promise.reject(new Error('not loaded in this test')),
};

describe('definePlugin', () => {
  it('returns a valid declaration as it is', () => {
    expect(definePlugin(base)).toBe(base);
  });

  it('refuses a name that cannot be a folder, a setting outside its prefix and a team CODEOWNERS cannot read', () => {
    expect(() => definePlugin({ ...base, name: 'On-Call' })).toThrow('Plugin name "On-Call" must be lower-case letters and digits');
    expect(() => definePlugin({ ...base, settings: [{ name: 'PAGER_KEY', type: 'string', description: 'x' }] })).toThrow(
      'Plugin oncall: setting PAGER_KEY must start with ONCALL_',
    );
    expect(() => definePlugin({ ...base, team: 'oncall team' })).toThrow('team "oncall team" must look like @org/team');
  });
});

describe('provideGatewayNeeds', () => {
  const reader = { ...base, needs: { gateway: { urlSetting: 'ONCALL_GATEWAY_URL', tokenSetting: 'ONCALL_GATEWAY_TOKEN', identity: 'user:default/oncall' } } };
  const gateway = { url: 'http://127.0.0.1:4000/graphql', anonymous: true };

  it('gives a plugin that reads the graph its URL, and leaves other plugins and settings alone', () => {
    const { settings, tokens } = provideGatewayNeeds([base, reader], { OTHER: 'kept' }, gateway);
    expect(settings).toEqual({ OTHER: 'kept', ONCALL_GATEWAY_URL: gateway.url });
    expect(tokens).toEqual([]);
  });

  it("keeps the operator's URL and token", () => {
    const given = { ONCALL_GATEWAY_URL: 'http://gateway.internal/graphql', ONCALL_GATEWAY_TOKEN: 'operator-token' };
    expect(provideGatewayNeeds([reader], given, { ...gateway, anonymous: false })).toEqual({ settings: given, tokens: [] });
  });

  it('makes a token for the declared user when the gateway refuses anonymous callers', () => {
    const { settings, tokens } = provideGatewayNeeds([reader], {}, { ...gateway, anonymous: false });
    expect(tokens).toEqual([{ plugin: 'oncall', token: settings.ONCALL_GATEWAY_TOKEN, user: 'user:default/oncall' }]);
    expect(settings.ONCALL_GATEWAY_TOKEN).toMatch(/.{32,}/);
  });
});

describe('describePluginSettings', () => {
  it('prints one line per setting, with its type and default, and no default for a secret', () => {
    const settings = [
      { name: 'ONCALL_PAGER_KEY', type: 'string', secret: true, default: 'never-shown', description: 'the pager API key' },
      { name: 'ONCALL_ROTA_DAYS', type: 'number', default: '7', description: 'how long a rota lasts' },
      { name: 'ONCALL_TEAMS', type: 'list', description: 'teams on call' },
    ] as const;
    expect(describePluginSettings([{ name: 'oncall', settings }, { name: 'quiet', settings: [] }])).toBe(
      [
        '  ONCALL_PAGER_KEY (oncall; string, secret): the pager API key',
        '  ONCALL_ROTA_DAYS (oncall; number, default 7): how long a rota lasts',
        '  ONCALL_TEAMS (oncall; list, unset by default): teams on call',
      ].join('\n'),
    );
  });
});

describe('client.webCard', () => {
  it('takes a .tsx file under the plugin folder\'s web/, and nothing that leaves it', () => {
    expect(definePlugin({ ...base, client: { webCard: 'web/OncallCard.tsx' } }).client?.webCard).toBe('web/OncallCard.tsx');
    for (const webCard of ['../cicd/web/BuildsCard.tsx', 'web/../../x.tsx', '/etc/passwd.tsx', 'web/Card.js', 'OncallCard.tsx', "web/x');alert('.tsx"]) {
      expect(() => definePlugin({ ...base, client: { webCard } })).toThrow(`webCard "${webCard}" must be a .tsx file under the plugin's web/ folder`);
    }
  });

  it("becomes a lazily imported card in the web UI's generated map", () => {
    const text = pluginWebCardsModule([base, { ...base, name: 'pager', client: { webCard: 'web/cards/PagerCard.tsx' } }], 'clients/web/src/generated');
    expect(text).toContain("  pager: lazy(() => import('../../../../subgraphs/pager/web/cards/PagerCard')),");
    expect(text).not.toContain('oncall:');
  });
});
