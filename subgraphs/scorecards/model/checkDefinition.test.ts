import { InputError } from '../../../kit';
import { checkDefinition } from './checkDefinition';

const input = { id: 'has-runbook', name: ' Links to a runbook ', description: 'x', level: 'GOLD', rule: 'hasLink', params: { matches: 'runbook' }, appliesTo: ['Component', 'component', 'API'] };

describe('checkDefinition', () => {
  it('normalizes a valid definition', () => {
    expect(checkDefinition(input)).toEqual({
      id: 'has-runbook', name: 'Links to a runbook', description: 'x', level: 'gold', rule: 'hasLink', params: { matches: 'runbook' }, appliesTo: ['component', 'api'],
    });
    expect(checkDefinition({ ...input, rule: 'hasOwner', params: undefined }).params).toEqual({});
  });

  it.each([
    [{ id: 'Has Runbook' }, /"id"/],
    [{ name: ' ' }, /"name"/],
    [{ level: 'platinum' }, /"level"/],
    [{ rule: 'hasRunbook' }, /unknown rule "hasRunbook"; known: hasOwner/],
    [{ params: { matches: '' } }, /"matches"/],
    [{ appliesTo: [] }, /at least one kind/],
    [{ appliesTo: ['compo nent'] }, /not a kind/],
  ])('refuses %j', (change, message) => {
    expect(() => checkDefinition({ ...input, ...change })).toThrow(InputError);
    expect(() => checkDefinition({ ...input, ...change })).toThrow(message);
  });
});
