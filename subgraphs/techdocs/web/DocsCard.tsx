import { List, Text } from '@mantine/core';
import { WebTechdocsCardDocument } from '../../../clients/generated/graphql';
import { docsPath, Link, PluginCard, useGraphQL, type PluginWebCardProps } from '../../../clients/web/src/pluginKit';

/**
 * The TechDocs plugin's own card on the web UI's entity page (declared as `client.webCard`
 * in plugin.ts, replacing the generic card): the entity's doc pages, each opening in the
 * docs reader. It asks for its fields itself (DocsCard.graphql, typed and persisted by
 * codegen), so a techdocs outage costs this card only.
 */
export default function DocsCard({ entityRef, section }: PluginWebCardProps) {
  const query = useGraphQL(WebTechdocsCardDocument, { ref: entityRef });
  const docs = query.result?.data?.entity?.docs ?? null;
  const errors = query.failure ? [{ message: query.failure.message }] : (query.result?.errors ?? []);
  return (
    <PluginCard
      title="Docs"
      plugin={{ subgraph: section.name, fields: ['docs'] }}
      errors={errors}
      hasData={docs !== null}
      emptyText={query.result || query.failure ? 'No docs are published for this entity.' : 'Loading…'}
    >
      {docs && (
        <>
          <List spacing={4} size="sm">
            {docs.pages.map((page) => (
              <List.Item key={page.path}>
                <Link to={docsPath(entityRef, page.path)}>{page.title}</Link>
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
