import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { SdkEntitiesDocument, type EntityFilter, type EntityOrder, type SdkEntitiesQuery } from '../generated/graphql';
import { batchEntityLookups } from './batchEntityLookups';
import type { ClientError } from './clientErrors';
import type { EntityRecord, EntitySummary } from './entityTypes';
import { paginate, type Connection, type Page } from './paginate';
import { fetchEntityFields, fetchPluginCards, fetchPluginFields, type PluginCardData } from './pluginCards';
import type { PluginFieldsManifest } from './pluginFields';
import type { Result } from './result';
import { sendOperation, type TransportOptions } from './sendOperation';

export interface EnsembleClientOptions extends TransportOptions {
  /**
   * Entities per request when iterating. Default 100. The gateway's cost limit counts list
   * sizes: `entities()` pages above about 400 are refused (OPERATION_TOO_COMPLEX).
   */
  pageSize?: number;
}

export interface PageOptions {
  /** Nodes per request; the client's `pageSize` when absent. */
  pageSize?: number;
  /** Stop after this many nodes. */
  limit?: number;
}

export interface IterateOptions extends PageOptions {
  /**
   * Called for a page that came back with errors beside its data (a plugin down). Its
   * nodes are still yielded. Without it such a page ends the iteration with the error
   * thrown, so partial data is never taken for whole data by accident.
   */
  onPartial?: (error: ClientError) => void;
}

export interface EntityListOptions extends IterateOptions {
  /** Sort order; by ref when absent. */
  orderBy?: EntityOrder;
}

/** A typed document from codegen (`SdkEntitiesDocument`...) or plain GraphQL text. */
export type Document<Data, Variables> = DocumentTypeDecoration<Data, Variables> | string;

const DEFAULT_PAGE_SIZE = 100;

/**
 * The Ensemble gateway as typed calls. Every call gives a Result (errors are values);
 * iterators throw the ClientError of a failed page, as `for await` has no other way.
 */
export class EnsembleClient {
  /**
   * One entity by ref (`kind:namespace/name`, or `kind:name`), null when there is none.
   * Calls made in the same tick go out as one `entitiesByRefs` request.
   */
  readonly entity: (ref: string) => Promise<Result<EntityRecord | null>>;

  constructor(private readonly options: EnsembleClientOptions) {
    this.entity = batchEntityLookups((query, variables) => sendOperation(this.options, query, variables));
  }

  /**
   * Fields of one entity that the generated types may not know yet (a plugin added after
   * this client was built): `client.entityFields(ref, ['oncallNotes { text }'])`. Untyped;
   * null when there is no such entity. One request per call, not batched.
   */
  entityFields(ref: string, selection: string | readonly string[]): Promise<Result<Record<string, unknown> | null>> {
    return fetchEntityFields(this.options, ref, typeof selection === 'string' ? selection : selection.join('\n'));
  }

  /** Which plugin owns which `Entity` field, from the supergraph the gateway serves now (`GET /plugins`). */
  pluginFields(): Promise<Result<PluginFieldsManifest>> {
    return fetchPluginFields(this.options);
  }

  /** Every plugin's part of one entity, shapes and values, with each plugin's own errors (what `ensemble get` prints). */
  pluginCards(ref: string): Promise<Result<PluginCardData[] | null>> {
    return fetchPluginCards(this.options, ref);
  }

  /** Runs any operation: a codegen document gives typed data and variables. */
  request<Data, Variables extends Record<string, unknown> = Record<string, never>>(
    document: Document<Data, Variables>,
    variables?: Variables,
    operationName?: string,
  ): Promise<Result<Data>> {
    return sendOperation<Data>(this.options, document.toString(), variables, operationName);
  }

  /**
   * Pages of any connection: `variables` without `first`/`after`, which the client sets,
   * and `connectionOf` to find the connection in the data.
   */
  pages<Data, Variables extends { first?: number | null; after?: string | null }, Node>(
    document: DocumentTypeDecoration<Data, Variables>,
    variables: Omit<Variables, 'first' | 'after'>,
    connectionOf: (data: Data) => Connection<Node> | null | undefined,
    options: PageOptions = {},
  ): AsyncGenerator<Page<Node>> {
    return paginate(
      (after, first) => this.request<Data, Record<string, unknown>>(document.toString(), { ...variables, first, after }),
      connectionOf,
      { pageSize: options.pageSize ?? this.options.pageSize ?? DEFAULT_PAGE_SIZE, limit: options.limit },
    );
  }

  /** Every node of any connection, fetched a page at a time as the loop asks for more. */
  async *paginate<Data, Variables extends { first?: number | null; after?: string | null }, Node>(
    document: DocumentTypeDecoration<Data, Variables>,
    variables: Omit<Variables, 'first' | 'after'>,
    connectionOf: (data: Data) => Connection<Node> | null | undefined,
    options: IterateOptions = {},
  ): AsyncGenerator<Node> {
    for await (const page of this.pages(document, variables, connectionOf, options)) {
      if (page.error && (!page.nodes.length || !options.onPartial)) {
        yield* page.nodes;
        throw page.error;
      }
      if (page.error) options.onPartial?.(page.error);
      yield* page.nodes;
    }
  }

  /** Pages of catalog entities matching `filter`, for consumers that write a page at a time. */
  entityPages(filter: EntityFilter = {}, options: EntityListOptions = {}): AsyncGenerator<Page<EntitySummary>> {
    return this.pages(SdkEntitiesDocument, { filter, orderBy: options.orderBy }, (data: SdkEntitiesQuery) => data.entities, options);
  }

  /** Every catalog entity matching `filter`: `for await (const entity of client.entities({ kind: ['Component'] }))`. */
  entities(filter: EntityFilter = {}, options: EntityListOptions = {}): AsyncGenerator<EntitySummary> {
    return this.paginate(SdkEntitiesDocument, { filter, orderBy: options.orderBy }, (data: SdkEntitiesQuery) => data.entities, options);
  }
}

/** A client for the gateway at `options.endpoint`. */
export function createEnsembleClient(options: EnsembleClientOptions): EnsembleClient {
  return new EnsembleClient(options);
}
