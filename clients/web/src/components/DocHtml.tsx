import { Typography } from '@mantine/core';
import { useEffect, useRef, type MouseEvent } from 'react';
import { docLinkTarget } from '../url/docLinkTarget';
import { navigate } from '../url/navigate';

/**
 * A docs page's HTML, inserted as the techdocs plugin rendered it: the plugin escapes raw
 * HTML and allows only safe URL schemes, so it is inserted as is. Relative links to other
 * pages (`setup.md`) are pointed at the docs reader and followed without a page load.
 */
export function DocHtml({ entityRef, pagePath, html }: { entityRef: string; pagePath: string; html: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const anchor of container.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? []) {
      const target = docLinkTarget(entityRef, pagePath, anchor.getAttribute('href') ?? '');
      if (target) anchor.setAttribute('href', target);
      else if (/^https?:/i.test(anchor.getAttribute('href') ?? '')) anchor.setAttribute('rel', 'noreferrer');
    }
  }, [entityRef, pagePath, html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a[href]');
    const href = anchor?.getAttribute('href') ?? '';
    if (!href.startsWith('/docs/') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };

  return (
    <Typography>
      <div ref={container} onClick={onClick} data-testid="doc-html" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
