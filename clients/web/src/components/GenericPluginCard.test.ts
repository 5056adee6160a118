import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PluginSection } from '../../../sdk/pluginFields';
import { GenericPluginCard } from './GenericPluginCard';

const ONCALL: PluginSection = {
  name: 'oncall',
  fields: [
    { name: 'rota', label: "The rota's name", description: "The rota's name.", list: false },
    {
      name: 'shifts',
      label: 'Every shift this week',
      list: true,
      fields: [
        { name: 'person', label: 'Who is paged', list: false },
        { name: 'escalation', label: 'Their escalation', list: false, fields: [{ name: 'level', label: 'level', list: false }] },
      ],
    },
    { name: 'onCall', label: 'Who is on call now', list: false, fields: [{ name: 'person', label: 'Who is paged', list: false }] },
    { name: 'tags', label: 'Tags', list: true },
  ],
};

const render = (entity: Record<string, unknown> | null, errors: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] = []) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(GenericPluginCard, { section: ONCALL, entity, errors })));

/** The markup's text, tags dropped, for reading what a person would see. */
const text = (html: string) =>
  html
    .replace(/<style[^>]*>.*?<\/style>/gs, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('GenericPluginCard', () => {
  it('labels each field with its description, shows a list of objects as a table, an object as labelled values', () => {
    const html = render({
      ref: 'component:default/a',
      rota: 'payments-primary',
      shifts: [{ person: 'ada', escalation: { level: 2 } }, { person: 'grace', escalation: null }],
      onCall: { person: 'ada' },
      tags: ['day', 'night'],
    });
    expect(html).toContain('data-testid="card-oncall"');
    expect(text(html)).toContain("The rota's name payments-primary");
    // Table headers are the sub-fields' labels; a nested object is its values as text.
    expect(html).toMatch(/<th[^>]*>Who is paged<\/th><th[^>]*>Their escalation<\/th>/);
    expect(text(html)).toContain('ada level: 2');
    expect(text(html)).toContain('grace');
    expect(text(html)).toContain('Who is on call now Who is paged ada');
    expect(text(html)).toContain('day, night');
    expect(html).not.toContain('role="alert"');
  });

  it("shows its plugin's error, and only its plugin's, when the plugin is down", () => {
    const down = { message: 'Subgraph "oncall" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'oncall' } };
    const other = { message: 'Subgraph "cicd" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cicd' } };
    const html = render({ ref: 'component:default/a', rota: null, shifts: null, onCall: null, tags: null }, [down, other]);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Subgraph "oncall" is unavailable (SUBGRAPH_UNAVAILABLE)');
    expect(text(html)).not.toContain('cicd');
    expect(html).not.toContain('<table');
  });

  it('says so when the plugin has nothing for the entity', () => {
    expect(text(render({ ref: 'component:default/a', rota: null, shifts: null, onCall: null, tags: null }))).toContain('Nothing recorded for this entity.');
  });

  it('caps a long list at 20 rows and long text at 160 characters', () => {
    const shifts = Array.from({ length: 25 }, (_, index) => ({ person: `p${index}`, escalation: null }));
    const html = render({ ref: 'component:default/a', rota: 'x'.repeat(500), shifts, onCall: null, tags: null });
    expect(html.match(/<tr/g)?.length).toBe(21); // the header and 20 rows
    expect(text(html)).toContain('5 more not shown');
    expect(html).toContain(`${'x'.repeat(159)}…`);
    expect(html).not.toContain('x'.repeat(160));
  });
});
