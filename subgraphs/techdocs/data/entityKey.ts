/**
 * A catalog entity as this plugin knows it: its ref and, when its annotations say where
 * its docs live on this machine, that folder (see `docsFolderOf`).
 */
export interface EntityKey {
  ref: string;
  docsFolder?: string | null;
}
