/**
 * Builds a value once per request, lazily, keyed by the request's context object
 * (a WeakMap, so it goes away with the request). This is how DataLoaders are held:
 * never at module level, where one user's cache would serve another's request.
 */
export function requestScoped<Context extends object, Value>(build: (context: Context) => Value): (context: Context) => Value {
  const perRequest = new WeakMap<Context, Value>();
  return (context) => {
    let value = perRequest.get(context);
    if (value === undefined) {
      value = build(context);
      perRequest.set(context, value);
    }
    return value;
  };
}
