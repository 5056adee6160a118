import { useEffect } from 'react';
import { AppLayout } from './components/AppLayout';
import { CatalogPage } from './pages/CatalogPage';
import { DocsPage } from './pages/DocsPage';
import { EntityPage } from './pages/EntityPage';
import { GroupPage } from './pages/GroupPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { refLabel } from './url/entityPaths';
import { matchRoute, type Route } from './url/matchRoute';
import { useLocation } from './url/useLocation';

/**
 * The routes: `/` (catalog), `/entity/:kind/:namespace/:name`, `/group/group/:namespace/:name`,
 * `/docs/:kind/:namespace/:name/<page>`. Keys make a page start fresh for another entity.
 */
export function App() {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  useEffect(() => {
    document.title = `${titleOf(route)} · Ensemble`;
  });
  return <AppLayout>{pageFor(route, pathname, search)}</AppLayout>;
}

function pageFor(route: Route, pathname: string, search: string) {
  switch (route.page) {
    case 'catalog':
      return <CatalogPage search={search} />;
    case 'entity':
      return <EntityPage key={route.ref} entityRef={route.ref} />;
    case 'group':
      return <GroupPage key={route.ref} entityRef={route.ref} />;
    case 'docs':
      return <DocsPage key={route.ref} entityRef={route.ref} pagePath={route.path} />;
    case 'notFound':
      return <NotFoundPage pathname={pathname} />;
  }
}

function titleOf(route: Route): string {
  if (route.page === 'catalog') return 'Catalog';
  if (route.page === 'notFound') return 'Not found';
  return route.page === 'docs' ? `${refLabel(route.ref)} docs` : refLabel(route.ref);
}
