import { normalizeProjectSlug, projectSlugOf } from './projectSlug';

describe('projectSlugOf', () => {
  it('reads github.com/project-slug, lower-cased', () => {
    const annotations = [
      { key: 'backstage.io/techdocs-ref', value: 'dir:.' },
      { key: 'github.com/project-slug', value: ' Harbor-and-Finch/Checkout-Service ' },
    ];
    expect(projectSlugOf(annotations)).toBe('harbor-and-finch/checkout-service');
  });

  it('is null without the annotation, without annotations, or with a malformed slug', () => {
    expect(projectSlugOf([{ key: 'github.com/team-slug', value: 'harbor-and-finch/payments' }])).toBeNull();
    expect(projectSlugOf(undefined)).toBeNull();
    expect(projectSlugOf([{ key: 'github.com/project-slug', value: 'checkout-service' }])).toBeNull();
    expect(normalizeProjectSlug('a/b/c')).toBeNull();
  });
});
