import { errorBelongsTo, isPluginFieldsManifest, leafText, selectionOf, type PluginField } from './pluginFields';

const shifts: PluginField = {
  name: 'shifts',
  label: 'Shifts',
  list: true,
  fields: [
    { name: 'person', label: 'Who', list: false },
    { name: 'escalation', label: 'Escalation', list: false, fields: [{ name: 'level', label: 'Level', list: false }] },
  ],
};

describe('plugin field shapes', () => {
  it('print as the selection that asks for them', () => {
    expect(selectionOf([{ name: 'rota', label: 'Rota', list: false }, shifts])).toBe('rota shifts { person escalation { level } }');
  });

  it('print values as text: lists joined, objects as pairs, null empty', () => {
    expect(leafText(null)).toBe('');
    expect(leafText(['a', 2, true])).toBe('a, 2, true');
    expect(leafText({ level: 2, next: null, tags: ['x', 'y'] })).toBe('level: 2, next: , tags: x, y');
  });

  it('are checked before a client builds a query from them: names must be GraphQL names', () => {
    expect(isPluginFieldsManifest({ plugins: [{ name: 'oncall', fields: [shifts] }] })).toBe(true);
    expect(isPluginFieldsManifest({ plugins: [{ name: 'oncall', fields: [{ ...shifts, name: 'x } mutation { y' }] }] })).toBe(false);
    expect(isPluginFieldsManifest({ plugins: [{ name: 'oncall', fields: [{ ...shifts, fields: [{ name: 'a b', label: 'x', list: false }] }] }] })).toBe(false);
    expect(isPluginFieldsManifest({ plugins: [{ name: 'oncall', fields: [{ name: 'a', list: false }] }] })).toBe(false);
    for (const body of [null, {}, { plugins: {} }, { plugins: [{ fields: [] }] }, 'text']) expect(isPluginFieldsManifest(body)).toBe(false);
  });
});

describe('errorBelongsTo', () => {
  it('trusts the service name, then the field path, then the subgraph the message names', () => {
    expect(errorBelongsTo({ message: 'x', path: ['entity', 'shifts'], extensions: { serviceName: 'cicd' } }, 'oncall', ['shifts'])).toBe(false);
    expect(errorBelongsTo({ message: 'x', path: ['entity', 'shifts', 0] }, 'oncall', ['shifts'])).toBe(true);
    expect(errorBelongsTo({ message: 'Subgraph "oncall" timed out' }, 'oncall', ['shifts'])).toBe(true);
    expect(errorBelongsTo({ message: 'Subgraph "oncallx" timed out' }, 'oncall', ['shifts'])).toBe(false);
  });
});
