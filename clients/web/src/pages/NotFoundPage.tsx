import { Alert } from '@mantine/core';
import { Link } from '../components/Link';

/** Any path the UI has no page for. */
export function NotFoundPage({ pathname }: { pathname: string }) {
  return (
    <Alert color="yellow" title="Page not found">
      Nothing lives at {pathname}. <Link to="/">Back to the catalog</Link>
    </Alert>
  );
}
