import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Context } from './context';

/**
 * Compiled execution. graphql-js walks an operation's selection set anew for
 * every request and every object of a response; for the wide answers this API
 * gives (a page of tickets with their relations is ~450 fields) that walk is
 * most of the server's time. graphql-jit compiles each operation once into a
 * function that resolves exactly its fields, with the same resolvers (and so
 * the same access rules, loaders and errors), so each request only runs it.
 *
 * Compiled operations are kept per parsed document: Apollo keeps a document
 * per query text, and a document whose object is no longer held is dropped
 * with its compilation.
 */

const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | 'seen'>>();

/**
 * The compiled form of an operation of `document` (or the errors that keep it
 * from compiling); null the first time the operation is seen. Compiling costs
 * several executions' worth of time, so it is spent on operations that come
 * back: a client's operations are compiled on their second request, and a
 * one-off document (an ad-hoc query in the sandbox) is never compiled.
 */
export function compiledOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): CompiledQuery | ExecutionResult | null {
  let byName = compiled.get(document);
  if (!byName) compiled.set(document, (byName = new Map()));
  const key = operationName ?? '';
  const known = byName.get(key);
  if (known === undefined) {
    byName.set(key, 'seen');
    return null;
  }
  if (known !== 'seen') return known;
  const operation = compileQuery(schema, document, operationName ?? undefined);
  byName.set(key, operation);
  return operation;
}

/** Runs an operation of `document`, compiled once it came back, with the same arguments graphql-js's `execute` takes. */
export async function executeCompiled(
  schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rootValue: unknown, contextValue: unknown, variables: Record<string, unknown> | null | undefined,
): Promise<ExecutionResult> {
  (contextValue as Partial<Context> | null)?.planColumns?.(schema, document, operationName);
  const operation = compiledOperation(schema, document, operationName);
  if (operation === null) return execute({ schema, document, operationName, rootValue, contextValue, variableValues: variables });
  if (!isCompiledQuery(operation)) return operation;
  return operation.query(rootValue, contextValue, variables ?? {});
}

/**
 * Apollo Server's gateway interface, used for its one purpose here: to put
 * compiled execution behind Apollo, which keeps parsing, validation (with the
 * limits), plugins, error formatting and the HTTP handling.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return {
        executor: async (request) => (request.context as Partial<Context>).executed?.result
          ?? executeCompiled(schema, request.document, request.operationName, undefined, request.context, request.request.variables),
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/** A query Apollo has validated, as the known path runs it. */
export interface KnownQuery {
  document: DocumentNode;
  /** The name of the operation that runs (null for an anonymous one), for the request's log line. */
  name: string | null;
}

/**
 * Queries Apollo has already parsed, validated and resolved, by their text and
 * requested operation name: the same request again is answered without
 * Apollo's pipeline (src/http-graphql.ts's known path: no content
 * negotiation, no query hash for its document cache, no plugin hooks, no
 * copies of the request context). Only queries: a mutation always goes
 * through Apollo. Bounded by count and by text length; when either is
 * reached the oldest entries make room.
 */
export class KnownQueries {
  private readonly byText = new Map<string, Map<string, KnownQuery>>();
  private textLength = 0;

  constructor(private readonly maxTexts = 1000, private readonly maxTextLength = 2 ** 20) {}

  /** `operationName` as the request named it (or not); the query's own name is in `known`. */
  remember(text: string, operationName: string | null | undefined, known: KnownQuery): void {
    if (text.length > this.maxTextLength) return;
    let byName = this.byText.get(text);
    if (!byName) {
      while (this.byText.size >= this.maxTexts || this.textLength + text.length > this.maxTextLength) {
        const oldest = this.byText.keys().next().value!;
        this.byText.delete(oldest);
        this.textLength -= oldest.length;
      }
      this.byText.set(text, (byName = new Map()));
      this.textLength += text.length;
    }
    byName.set(operationName ?? '', known);
  }

  find(text: string, operationName: string | null | undefined): KnownQuery | undefined {
    return this.byText.get(text)?.get(operationName ?? '');
  }
}
