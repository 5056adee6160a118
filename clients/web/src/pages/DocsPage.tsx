import { Alert, Card, Grid, NavLink, Stack, Text, Title } from '@mantine/core';
import { WebDocPageDocument } from '../../../generated/graphql';
import { pluginErrors, unclaimedErrors } from '../api/pluginErrors';
import { TECHDOCS } from '../api/plugins';
import { useGraphQL } from '../api/useGraphQL';
import { DocHtml } from '../components/DocHtml';
import { EntityLink } from '../components/EntityLink';
import { ErrorList } from '../components/ErrorList';
import { followInApp } from '../components/Link';
import { QueryStatus } from '../components/QueryStatus';
import { docsPath } from '../url/entityPaths';

/** The docs reader: one page of an entity's TechDocs, with the page list and the page's headings. */
export function DocsPage({ entityRef, pagePath }: { entityRef: string; pagePath: string }) {
  const query = useGraphQL(WebDocPageDocument, { ref: entityRef, path: pagePath });
  if (!query.result) return <QueryStatus query={query} />;
  const { data, errors } = query.result;
  const page = data?.docPage ?? null;
  const entity = data?.entity ?? null;
  const docErrors = pluginErrors(errors, TECHDOCS);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder radius="md" padding="sm" component="nav" aria-label="Pages">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={700} px="sm" pt="xs">
            {entity ? <EntityLink entityRef={entity.ref} title={entity.title ?? entity.name} /> : entityRef}
          </Text>
          {entity?.docs?.pages.map((entry) => (
            <NavLink
              key={entry.path}
              href={docsPath(entityRef, entry.path)}
              label={entry.title}
              active={entry.path === pagePath}
              onClick={(event) => followInApp(event, docsPath(entityRef, entry.path))}
            />
          ))}
        </Card>
        {page && page.toc.length > 1 && (
          <Card withBorder radius="md" padding="sm" mt="md" component="nav" aria-label="On this page">
            <Text fz="xs" c="dimmed" tt="uppercase" fw={700} px="sm" pt="xs">
              On this page
            </Text>
            {page.toc.map((heading) => (
              <NavLink key={heading.anchor} href={`#${heading.anchor}`} label={heading.title} pl={heading.level * 8} py={2} />
            ))}
          </Card>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <ErrorList title="The docs could not be loaded" errors={docErrors} />
          <ErrorList title="Part of this page could not be loaded" errors={unclaimedErrors(errors, [TECHDOCS])} />
          {page ? (
            <Card withBorder radius="md" padding="xl" component="article" aria-label={page.title}>
              <DocHtml entityRef={entityRef} pagePath={page.path} html={page.html} />
            </Card>
          ) : (
            docErrors.length === 0 && (
              <Alert color="yellow" title="No such page">
                <Title order={2} fz="md" mb={4}>
                  {pagePath}
                </Title>
                {entity?.docs ? 'This entity’s docs have no page at this path.' : 'No docs are published for this entity.'}
              </Alert>
            )
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
