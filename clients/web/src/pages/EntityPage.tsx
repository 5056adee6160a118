import { Alert, Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { WebEntityDocument } from '../../../generated/graphql';
import { optionalField } from '../api/optionalField';
import { unclaimedErrors } from '../api/pluginErrors';
import { PLUGINS } from '../api/plugins';
import { useGraphQL } from '../api/useGraphQL';
import { BuildsCard } from '../cards/BuildsCard';
import { PluginCards } from '../cards/PluginCards';
import { ScorecardCard } from '../cards/ScorecardCard';
import { VulnerabilitiesCard } from '../cards/VulnerabilitiesCard';
import { EntityHeader } from '../components/EntityHeader';
import { EntityOverview } from '../components/EntityOverview';
import { ErrorList } from '../components/ErrorList';
import { Link } from '../components/Link';
import { QueryStatus } from '../components/QueryStatus';
import { RelationGraph } from '../components/RelationGraph';
import { entityPath } from '../url/entityPaths';

/** Plugins whose card is built into the page, from the same operation as the rest; every other plugin gets PluginCards'. */
const BUILT_IN_CARDS = PLUGINS.map((plugin) => plugin.subgraph);

/**
 * One entity: the catalog's overview and relations, and one card per plugin. Everything
 * built-in comes in one operation (one round trip, one query plan); each card picks its own
 * errors from the response by subgraph, so a plugin that is down greys out its card only.
 * Other plugins' cards come from GET /plugins (PluginCards), in a second operation.
 */
export function EntityPage({ entityRef }: { entityRef: string }) {
  const query = useGraphQL(WebEntityDocument, { ref: entityRef });
  const status = <QueryStatus query={query} />;
  if (!query.result) return status;
  const { data, errors } = query.result;
  const entity = data?.entity;
  if (!entity) {
    return (
      <Stack>
        <ErrorList title="The catalog could not be read" errors={errors} />
        {errors.length === 0 && (
          <Alert color="yellow" title="No such entity">
            The catalog has no entity {entityRef}. <Link to="/">Back to the catalog</Link>
          </Alert>
        )}
      </Stack>
    );
  }
  const title = entity.title || entity.name;
  return (
    <Stack gap="lg">
      <EntityHeader
        title={title}
        entityRef={entity.ref}
        kind={entity.kind}
        type={optionalField<'type', string>(entity, 'type')}
        lifecycle={optionalField<'lifecycle', string>(entity, 'lifecycle')}
        actions={entity.kind.toLowerCase() === 'group' ? <Link to={entityPath(entity.ref)}>Team page</Link> : undefined}
      />
      <ErrorList title="Part of this page could not be loaded" errors={unclaimedErrors(errors, PLUGINS)} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <EntityOverview entity={entity} />
        <Card withBorder radius="md" padding="lg" component="section" aria-label="Relations">
          <Title order={3} fz="lg" mb="sm">
            Relations
          </Title>
          <RelationGraph title={title} relations={entity.relations} />
        </Card>
        <BuildsCard entity={entity} errors={errors} />
        <VulnerabilitiesCard entity={entity} errors={errors} />
        <ScorecardCard entity={entity} errors={errors} />
        <PluginCards entityRef={entity.ref} skip={BUILT_IN_CARDS} />
      </SimpleGrid>
    </Stack>
  );
}
