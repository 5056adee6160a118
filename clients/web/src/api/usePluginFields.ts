import { useEffect, useState } from 'react';
import { isPluginFieldsManifest, type PluginFieldsManifest } from '../../../sdk/pluginFields';

export interface PluginFieldsState {
  manifest: PluginFieldsManifest | null;
  /** Why there is none: the gateway could not be asked, or answered something else. */
  failure: string | null;
}

/**
 * Which plugin owns which `Entity` field, from the gateway's `GET /plugins` (the supergraph it
 * serves now), asked once per page load: a plugin published since shows after a reload.
 */
export function usePluginFields(): PluginFieldsState {
  const [state, setState] = useState<PluginFieldsState>({ manifest: null, failure: null });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/plugins', { headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null);
        if (response.ok && isPluginFieldsManifest(body)) return setState({ manifest: body, failure: null });
        const message = (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message;
        setState({ manifest: null, failure: `The gateway did not list its plugins (HTTP ${response.status}${message ? `: ${message}` : ''})` });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ manifest: null, failure: `Could not ask the gateway for its plugins: ${String(error)}` });
      });
    return () => controller.abort();
  }, []);
  return state;
}
