/** A GraphQL error as the gateway sends it: a subgraph's failure names it in `extensions.serviceName`. */
export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; [key: string]: unknown };
}

/** What the gateway answered. */
export interface GraphResponse<Data> {
  data?: Data | null;
  errors?: GraphError[];
}
