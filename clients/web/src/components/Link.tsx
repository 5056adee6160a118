import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../url/navigate';

/**
 * A link inside the UI: a real `<a href>` (open in a new tab works), followed without a
 * page load on a plain left click.
 */
export function Link({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode; 'aria-label'?: string }) {
  return (
    <Anchor href={to} onClick={(event: MouseEvent<HTMLAnchorElement>) => followInApp(event, to)} {...props}>
      {children}
    </Anchor>
  );
}

/** Click handler for any anchor that points inside the UI. */
export function followInApp(event: MouseEvent<Element>, to: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}
