/** A catalog entity as this plugin knows it: by ref alone. */
export interface EntityKey {
  ref: string;
}
