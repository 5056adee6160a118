import { Alert, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { pluginWebCards } from 'virtual:plugin-web-cards';
import { selectionOf, type PluginSection } from '../../../sdk/pluginFields';
import { useEntityFields } from '../api/useEntityFields';
import { usePluginFields } from '../api/usePluginFields';
import { ErrorList } from '../components/ErrorList';
import { GenericPluginCard } from '../components/GenericPluginCard';

/**
 * A card for every plugin the gateway serves (GET /plugins) that the page has no built-in
 * card for (`skip`): the plugin's own card when its declaration names one, otherwise the
 * generic card, all generic cards from one query. A plugin added at run time (published to
 * the registry) shows up on the next page load, with no client change.
 */
export function PluginCards({ entityRef, skip }: { entityRef: string; skip: readonly string[] }) {
  const { manifest, failure } = usePluginFields();
  if (failure) {
    return (
      <Alert color="yellow" title="Plugin cards not available" data-testid="plugin-cards-failure">
        {failure}
      </Alert>
    );
  }
  if (!manifest) return null;
  const sections = manifest.plugins.filter((plugin) => !skip.includes(plugin.name));
  const generic = sections.filter((plugin) => !pluginWebCards[plugin.name]);
  return (
    <>
      {sections
        .filter((plugin) => pluginWebCards[plugin.name])
        .map((plugin) => {
          const OwnCard = pluginWebCards[plugin.name];
          return (
            <Suspense key={plugin.name} fallback={<Loader size="sm" aria-label={`Loading the ${plugin.name} card`} />}>
              <OwnCard entityRef={entityRef} section={plugin} />
            </Suspense>
          );
        })}
      {generic.length > 0 && <GenericCards entityRef={entityRef} sections={generic} />}
    </>
  );
}

function GenericCards({ entityRef, sections }: { entityRef: string; sections: PluginSection[] }) {
  const query = useEntityFields(entityRef, sections.map((section) => selectionOf(section.fields)).join('\n    '));
  if (query.failure) return <ErrorList title="Plugin cards could not be loaded" errors={[{ message: query.failure.message }]} />;
  if (!query.result) return <Loader size="sm" aria-label="Loading plugin cards" />;
  const { data, errors } = query.result;
  return (
    <>
      {!data?.entity && <ErrorList title="Plugin cards could not be loaded" errors={errors} />}
      {sections.map((section) => (
        <GenericPluginCard key={section.name} section={section} entity={data?.entity ?? null} errors={errors} />
      ))}
    </>
  );
}
