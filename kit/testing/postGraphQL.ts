import { signedHeaders } from '../security/signRequest';
import { TEST_SUBGRAPH_SECRET } from './testSecret';

/** The JSON a GraphQL server answers with. */
export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface PostGraphQLOptions {
  /**
   * Signs the body as the gateway would, with this secret (default: the test secret
   * every test subgraph accepts), so a test can call a subgraph directly; `false` sends
   * no signature. The gateway ignores the header.
   */
  sign?: string | false;
}

/** POSTs one operation to a GraphQL endpoint and returns the HTTP status with the parsed body. */
export async function postGraphQL<Data = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  options: PostGraphQLOptions = {},
): Promise<GraphQLResponse<Data> & { status: number }> {
  const body = JSON.stringify({ query, variables });
  const secret = options.sign ?? TEST_SUBGRAPH_SECRET;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === false ? {} : signedHeaders(secret, body)), ...headers },
    body,
  });
  const parsed = (await response.json()) as GraphQLResponse<Data>;
  return { status: response.status, ...parsed };
}
