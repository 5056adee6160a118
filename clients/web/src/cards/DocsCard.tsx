import { List, Text } from '@mantine/core';
import type { PageEntity } from '../api/pageEntity';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import { TECHDOCS } from '../api/plugins';
import { Link } from '../components/Link';
import { docsPath } from '../url/entityPaths';
import { PluginCard } from '../components/PluginCard';

/** The TechDocs plugin's card: the entity's doc pages, each opening in the docs reader. */
export function DocsCard({ entity, errors }: { entity: PageEntity; errors: readonly GraphQLErrorShape[] }) {
  const docs = entity.docs;
  return (
    <PluginCard title="Docs" plugin={TECHDOCS} errors={errors} hasData={docs !== null} emptyText="No docs are published for this entity.">
      {docs && (
        <>
          <List spacing={4} size="sm">
            {docs.pages.map((page) => (
              <List.Item key={page.path}>
                <Link to={docsPath(entity.ref, page.path)}>{page.title}</Link>
              </List.Item>
            ))}
          </List>
          <Text c="dimmed" fz="xs" mt="sm">
            Published {new Date(docs.publishedAt).toLocaleString()}
          </Text>
        </>
      )}
    </PluginCard>
  );
}
