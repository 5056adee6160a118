import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import type { PageEntity } from '../api/pageEntity';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import { SECURITY } from '../api/plugins';
import { PluginCard } from '../components/PluginCard';

const SEVERITIES = [
  ['critical', 'CRITICAL', 'red'],
  ['high', 'HIGH', 'orange'],
  ['moderate', 'MODERATE', 'yellow'],
  ['low', 'LOW', 'blue'],
] as const;

/** The security plugin's card: open findings by severity, and the worst few. */
export function VulnerabilitiesCard({ entity, errors }: { entity: PageEntity; errors: readonly GraphQLErrorShape[] }) {
  const summary = entity.vulnerabilitySummary;
  const colourOf = (severity: string) => SEVERITIES.find(([, name]) => name === severity)?.[2] ?? 'gray';
  return (
    <PluginCard title="Vulnerabilities" plugin={SECURITY} errors={errors} hasData={summary !== null} emptyText="Vulnerabilities are not available.">
      {summary && (
        <>
          <Group gap="xs" mb="sm" data-testid="vulnerability-summary">
            {SEVERITIES.map(([field, name, colour]) => (
              <Badge key={field} color={colour} variant={summary[field] ? 'filled' : 'outline'}>
                {summary[field]} {name.toLowerCase()}
              </Badge>
            ))}
          </Group>
          {summary.total === 0 ? (
            <Text c="dimmed" fz="sm">No open findings.</Text>
          ) : (
            <List spacing={4} size="sm">
              {(entity.vulnerabilities ?? []).map((finding) => (
                <List.Item key={finding.id}>
                  <Badge size="xs" color={colourOf(finding.severity)} mr={6}>
                    {finding.severity.toLowerCase()}
                  </Badge>
                  {finding.url ? <Anchor href={finding.url} target="_blank" rel="noreferrer" fz="sm">{finding.title}</Anchor> : finding.title}
                  {finding.package && (
                    <Text span c="dimmed" fz="xs">
                      {' '}
                      in {finding.package}
                      {finding.fixedVersion ? `, fixed in ${finding.fixedVersion}` : ''}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </PluginCard>
  );
}
