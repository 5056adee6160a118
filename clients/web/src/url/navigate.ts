/** Fired on client-side navigation, which (unlike back and forward) raises no `popstate`. */
export const NAVIGATE_EVENT = 'ensemble:navigate';

/** Goes to a path of the UI without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.replace && !to.includes('#')) window.scrollTo(0, 0);
}
