import { Table, Text } from '@mantine/core';
import { leafText, type PluginField } from '../../../sdk/pluginFields';

/** Rows and characters per cell a generic card shows; the plugin's own card can show more. */
const MAX_ROWS = 20;
const MAX_TEXT = 160;

/**
 * One plugin field's value as the generic card shows it: a scalar as text, an object as
 * its fields under their labels, a list of objects as a table whose headers are the
 * fields' labels (descriptions), a list of scalars joined.
 */
export function PluginFieldValue({ field, value }: { field: PluginField; value: unknown }) {
  if (value === null || value === undefined) return <Text c="dimmed" fz="sm">none</Text>;
  if (!field.fields || typeof value !== 'object') return <Text fz="sm">{cut(leafText(value))}</Text>;
  if (!Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    return (
      <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
        <Table.Tbody>
          {field.fields.map((child) => (
            <Table.Tr key={child.name}>
              <Table.Th fw={500} title={child.description} w="40%">{child.label}</Table.Th>
              <Table.Td>{cut(leafText(record[child.name]))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (!value.length) return <Text c="dimmed" fz="sm">none</Text>;
  const columns = field.fields;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((child) => (
              <Table.Th key={child.name} title={child.description}>{child.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(value as Record<string, unknown>[]).slice(0, MAX_ROWS).map((row, index) => (
            <Table.Tr key={index}>
              {columns.map((child) => (
                <Table.Td key={child.name}>{cut(leafText(row?.[child.name]))}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {value.length > MAX_ROWS && <Text c="dimmed" fz="xs">{value.length - MAX_ROWS} more not shown</Text>}
    </Table.ScrollContainer>
  );
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
