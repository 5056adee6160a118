import { Stack, Text } from '@mantine/core';
import type { PluginSection } from '../../../sdk/pluginFields';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import { PluginCard } from './PluginCard';
import { PluginFieldValue } from './PluginFieldValue';

/**
 * The card every plugin gets with no client change: its `Entity` fields from GET /plugins,
 * each under its description's first sentence. A plugin that is down shows its own error
 * here (PluginCard picks it by subgraph), and nothing else on the page changes.
 */
export function GenericPluginCard({ section, entity, errors }: { section: PluginSection; entity: Record<string, unknown> | null; errors: readonly GraphQLErrorShape[] }) {
  const fields = section.fields.map((field) => field.name);
  const hasData = entity !== null && fields.some((name) => entity[name] != null);
  return (
    <PluginCard title={section.name} plugin={{ subgraph: section.name, fields }} errors={errors} hasData={hasData} emptyText="Nothing recorded for this entity.">
      <Stack gap="sm">
        {section.fields.map((field) => (
          <div key={field.name} data-field={field.name}>
            <Text fz="sm" fw={600} title={field.description}>
              {field.label}
            </Text>
            <PluginFieldValue field={field} value={entity?.[field.name]} />
          </div>
        ))}
      </Stack>
    </PluginCard>
  );
}
