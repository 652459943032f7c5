import fs from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

/** POSTs a GraphQL request with the real HTTP client. */
export async function gql<T = any>(
  url: string, query: string, variables?: Record<string, unknown>, token?: string,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
}

/** The same request, answered as raw text: for tests about the size and bytes of an answer. */
export async function gqlText(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, text: await res.text() };
}

/** The `extensions.code` of every error, in order. */
export function codes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/**
 * Runs `request` and sums the SQL statements of the GraphQL requests the
 * server finished meanwhile, as the server counts them per request: other
 * test files' background work on the shared database does not leak in.
 */
export async function countStatements<T>(server: { requests: { sqlStatements?: number }[] }, request: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = server.requests.length;
  const result = await request();
  return { result, statements: server.requests.slice(before).reduce((n, r) => n + (r.sqlStatements ?? 0), 0) };
}

const CONTRACT_FILE = path.join(__dirname, '../../contract/operations.graphql');

/** The client contract's operations by name, exactly as clients write them. */
export function contractOperations(): Map<string, string> {
  const document = parse(fs.readFileSync(CONTRACT_FILE, 'utf8'));
  const operations = new Map<string, string>();
  for (const definition of document.definitions) {
    const op = definition as OperationDefinitionNode;
    if (op.kind === 'OperationDefinition' && op.name) operations.set(op.name.value, print(op));
  }
  return operations;
}

/** One contract operation's text. */
export function contract(name: string): string {
  const op = contractOperations().get(name);
  if (!op) throw new Error(`the contract has no operation ${name}`);
  return op;
}
