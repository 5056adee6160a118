import { MultiSelect } from '@mantine/core';
import { useFragment, type FragmentType } from '../../../generated';
import { WebFacetFragmentDoc } from '../../../generated/graphql';

/**
 * A multi-select over one facet: each value with how many entities have it. Chosen values
 * stay listed even when no entity has them any more, so they can be removed.
 */
export function FacetSelect({
  label,
  facet,
  value,
  onChange,
  format = (text) => text,
}: {
  label: string;
  facet: ReadonlyArray<FragmentType<typeof WebFacetFragmentDoc>> | undefined;
  value: string[];
  onChange(value: string[]): void;
  format?: (value: string) => string;
}) {
  const facets = useFragment(WebFacetFragmentDoc, facet ?? []);
  const counts = new Map<string, number>();
  for (const entry of facets[0]?.values ?? []) counts.set(entry.value, entry.count);
  for (const chosen of value) if (!counts.has(chosen)) counts.set(chosen, 0);
  const data = [...counts].map(([option, count]) => ({ value: option, label: `${format(option)} (${count})` }));
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : 'Any'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No such value"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
