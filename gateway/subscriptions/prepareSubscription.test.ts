import { subscriptionSettings } from './SubscriptionSettings';
import { prepareSubscription } from './prepareSubscription';
import { testSchema } from './testing/testGraph';

const options = { schema: testSchema, validationRules: [], parseOptions: { maxTokens: 200 } };
const messages = (request: Parameters<typeof prepareSubscription>[0], given = options) => {
  const prepared = prepareSubscription(request, given);
  return Array.isArray(prepared) ? prepared.map((error) => error.message).join(' | ') : 'prepared';
};

describe('prepareSubscription', () => {
  it('takes one entityChanged subscription', () => {
    expect(messages({ query: 'subscription { entityChanged { cursor } }', variables: null })).toBe('prepared');
  });

  it('refuses what is not a well-formed, valid subscription, in words that say why', () => {
    expect(messages({ query: 42 })).toMatch(/non-empty string/);
    expect(messages({ query: '' })).toMatch(/non-empty string/);
    expect(messages({ query: 'subscription { entityChanged { cursor } }', variables: [1] })).toMatch(/"variables" must be an object/);
    expect(messages({ query: 'subscription { entityChanged { cursor } }', operationName: 7 })).toMatch(/"operationName" must be a string/);
    expect(messages({ query: 'subscription {' })).toMatch(/Syntax Error/);
    expect(messages({ query: `subscription { entityChanged { ${'cursor '.repeat(300)} } }` })).toMatch(/more that 200 tokens/);
    expect(messages({ query: 'subscription { entityChanged { nope } }' })).toMatch(/Cannot query field "nope"/);
    expect(messages({ query: '{ entitiesByRefs(refs: []) { ref } }' })).toMatch(/Only subscriptions are served here; send a query as POST \/graphql/);
    expect(messages({ query: 'subscription A { entityChanged { cursor } } subscription B { entityChanged { ref } }' })).toMatch(/Name the operation/);
    expect(messages({ query: 'subscription { entityChanged { cursor } }' }, { ...options, schema: undefined as never })).toMatch(/not loaded its schema/);
  });
});

describe('subscriptionSettings', () => {
  it('fills defaults and refuses settings that would not bound anything', () => {
    expect(subscriptionSettings({ maxPerConnection: 5 })).toMatchObject({ maxPerConnection: 5, maxPerCaller: 100, maxQueuedEvents: 1_000, batchSize: 100 });
    expect(() => subscriptionSettings({ maxQueuedEvents: 0 })).toThrow(/at least 1/);
    expect(() => subscriptionSettings({ maxPerCaller: 1.5 })).toThrow(/whole number/);
    expect(() => subscriptionSettings({ batchSize: 101 })).toThrow(/at most 100/);
  });
});
