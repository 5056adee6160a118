import { entityPath, refLabel } from '../url/entityPaths';
import { Link } from './Link';

/** A link to an entity's page, named by its title when it has one. */
export function EntityLink({ entityRef, title }: { entityRef: string; title?: string | null }) {
  return <Link to={entityPath(entityRef)}>{title || refLabel(entityRef)}</Link>;
}
