/** The Backstage annotation naming an entity's GitHub repository, `owner/name`. */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

const SLUG = /^[^/\s]+\/[^/\s]+$/;

/**
 * `owner/name`, trimmed and lower-cased, or null when the value is not of that shape.
 * GitHub compares owner and repository names case-insensitively, and the annotation and
 * the webhook's `repository.full_name` need not agree on case.
 */
export function normalizeProjectSlug(value: string): string | null {
  const slug = value.trim().toLowerCase();
  return SLUG.test(slug) ? slug : null;
}

/** The project slug an entity's annotations name, or null when they name none (or a malformed one). */
export function projectSlugOf(annotations: readonly { key: string; value: string }[] | null | undefined): string | null {
  const annotation = annotations?.find((candidate) => candidate.key === PROJECT_SLUG_ANNOTATION);
  return annotation ? normalizeProjectSlug(annotation.value) : null;
}
