/**
 * One fact about an entity, as read from the graph: its value, or why it could not be
 * read (the plugin that holds it is down, say). A rule given an unknown fact answers
 * UNKNOWN, never FAIL: not knowing is not failing.
 */
export type Fact<Value> = { known: true; value: Value } | { known: false; reason: string };

export function known<Value>(value: Value): Fact<Value> {
  return { known: true, value };
}

export function unknown<Value = never>(reason: string): Fact<Value> {
  return { known: false, reason };
}
