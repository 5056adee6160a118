/** The lower-cased kind of a canonical ref `kind:namespace/name`: scorecards need no catalog read to know which checks apply. */
export function kindOfRef(ref: string): string {
  const colon = ref.indexOf(':');
  return (colon < 0 ? '' : ref.slice(0, colon)).toLowerCase();
}
