import crypto from 'node:crypto';
import type http from 'node:http';
import type { RequestHandler } from 'express';
import { parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { AppError } from './errors';
import type { Logger } from './logger';
import { sendJson } from './http-json';

/**
 * Trusted documents: with TRUSTED_DOCUMENTS set, the server runs only the
 * documents of a manifest (`{ "<id>": "<document text>" }`, as GraphQL Code
 * Generator's client preset writes `persisted-documents.json` and Relay its
 * persisted queries). A request names its document by id — a top-level
 * `documentId`, or `extensions.persistedQuery.sha256Hash` as Apollo's
 * automatic persisted queries send it — or sends a `query` whose sha256 is
 * in the manifest. Everything else is refused before it is parsed, over HTTP
 * and over graphql-ws alike.
 */

/** The code of a refused document, stable for clients to branch on. */
export const NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST';

export interface TrustedDocuments {
  /** Manifest key (the id clients send) → document text. */
  byId: ReadonlyMap<string, string>;
  /** sha256 hex of each document text → document text, for clients that send the text itself. */
  byHash: ReadonlyMap<string, string>;
}

/** Lower-case hex sha256 of a document's exact text, as APQ and the manifests compute it. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Reads a manifest's JSON; throws an Error whose message says what is wrong with it. */
export function parseManifest(json: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch {
    throw new Error('is not valid JSON');
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new Error('must be a JSON object of { "<id>": "<document>" }');
  const byId = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    if (typeof text !== 'string' || text.trim() === '') throw new Error(`entry "${id}" must be a document's text`);
    try {
      parse(text);
    } catch (error) {
      throw new Error(`entry "${id}" is not a GraphQL document: ${(error as Error).message.split('\n')[0]}`);
    }
    byId.set(id, text);
    byHash.set(sha256(text), text);
  }
  if (byId.size === 0) throw new Error('holds no documents');
  return { byId, byHash };
}

/**
 * A manifest for every operation in `source` (the client contract), each
 * with the fragments it uses, printed as clients' tooling prints them and
 * keyed by the sha256 of that text.
 */
export function manifestFor(source: string): Record<string, string> {
  const definitions = parse(source).definitions;
  const fragments = new Map(definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
    .map((d) => [d.name.value, d]));
  const manifest: Record<string, string> = {};
  for (const definition of definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const used = new Set<string>();
    const collect = (node: DefinitionNode) => visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        used.add(name);
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`unknown fragment ${name}`);
        collect(fragment);
      },
    });
    collect(definition);
    const text = [definition, ...[...used].map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n\n');
    manifest[sha256(text)] = text;
  }
  return manifest;
}

/** What a GraphQL request carries that names its document. */
interface Carried {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

type Admission = { ok: true; text: string } | { ok: false; message: string } | { ok: 'nothing' };

/**
 * Decides on one request. The id wins when present, and a `query` sent
 * alongside must be that very document. `nothing`: the request names no
 * document, so nothing could run; the GraphQL layer answers it as usual.
 */
export function admit(documents: TrustedDocuments, request: Carried): Admission {
  const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const id = request.documentId ?? persisted?.sha256Hash;
  const query = typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
  if (id !== undefined && id !== null) {
    const text = typeof id === 'string' ? documents.byId.get(id) ?? documents.byHash.get(id) : undefined;
    if (text === undefined) return { ok: false, message: `Document "${String(id).slice(0, 80)}" is not in this server's list of trusted documents` };
    if (query !== undefined && sha256(query) !== sha256(text)) return { ok: false, message: 'The query sent is not the document its id names' };
    return { ok: true, text };
  }
  if (query !== undefined) {
    const text = documents.byHash.get(sha256(query));
    return text === undefined
      ? { ok: false, message: 'This server runs only trusted documents, and this query is not one of them' }
      : { ok: true, text };
  }
  return { ok: 'nothing' };
}

/** The request with the trusted text as its query and no id left for the GraphQL layer to act on. */
function resolved<T extends Carried>(request: T, text: string): T {
  const { documentId: _id, ...rest } = request;
  const extensions = request.extensions && typeof request.extensions === 'object' ? { ...(request.extensions as object) } : undefined;
  if (extensions) delete (extensions as { persistedQuery?: unknown }).persistedQuery;
  return { ...rest, query: text, ...(extensions ? { extensions } : {}) } as T;
}

/** A refused request's answer: HTTP 400 with PERSISTED_QUERY_NOT_IN_LIST, logged and reported like any other request. */
export type DocumentRefusal = (res: http.ServerResponse, requestId: string | undefined, message: string, operationName: unknown) => void;

export function documentRefusal(
  logger: Logger,
  /** Called for each refused request with what the request log reports for any other. */
  onRefused?: (report: { requestId?: string; operationName: string | null; durationMs: number; status: number; errors: string[] }) => void,
): DocumentRefusal {
  return (res, requestId, message, operationName) => {
    logger.info({ requestId, code: NOT_IN_LIST }, 'refused a document not in the trusted list');
    onRefused?.({ requestId, operationName: typeof operationName === 'string' ? operationName : null, durationMs: 0, status: 400, errors: [NOT_IN_LIST] });
    sendJson(res, 400, { errors: [{ message, extensions: { code: NOT_IN_LIST } }] });
  };
}

/**
 * The rule for a POST body: the body to hand on (each request's trusted text
 * as its `query`), or why it is refused. A body that is not a request object
 * is handed on as it is, for the GraphQL layer to answer.
 */
export function admitBody(documents: TrustedDocuments, body: unknown): { body: unknown } | { refused: string; operationName: unknown } {
  // Apollo refuses batches today; checking each keeps the rule if batching is ever turned on.
  const requests: unknown[] = Array.isArray(body) ? body : [body];
  const out: unknown[] = [];
  for (const request of requests) {
    if (!request || typeof request !== 'object') return { body };
    const decision = admit(documents, request as Carried);
    if (decision.ok === false) return { refused: decision.message, operationName: (request as { operationName?: unknown }).operationName };
    out.push(decision.ok === true ? resolved(request as Carried, decision.text) : request);
  }
  return { body: Array.isArray(body) ? out : out[0] };
}

/**
 * Express middleware in front of Apollo. Without a manifest it does nothing
 * (Apollo's automatic persisted queries work as usual). With one, a refused
 * request gets HTTP 400 and PERSISTED_QUERY_NOT_IN_LIST; an admitted one
 * reaches Apollo with the manifest's text as `query` (POST body or GET search).
 */
export function trustedDocumentsGate(documents: TrustedDocuments | undefined, refuse: DocumentRefusal): RequestHandler {
  if (!documents) return (_req, _res, next) => next();
  return (req, res, next) => {
    const requestId = res.locals.requestId as string | undefined;
    if (req.method === 'POST') {
      const decision = admitBody(documents, req.body);
      if ('refused' in decision) return refuse(res, requestId, decision.refused, decision.operationName);
      req.body = decision.body;
      return next();
    }
    if (req.method === 'GET') {
      const mark = req.url.indexOf('?');
      const path = mark < 0 ? req.url : req.url.slice(0, mark);
      const search = mark < 0 ? '' : req.url.slice(mark + 1);
      const params = new URLSearchParams(search);
      let extensions: unknown;
      try {
        extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
      } catch {
        extensions = undefined; // Apollo answers the malformed parameter; an id in it cannot be honoured
      }
      const decision = admit(documents, { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions });
      if (decision.ok === false) return refuse(res, requestId, decision.message, params.get('operationName'));
      if (decision.ok === true) {
        const { extensions: kept } = resolved<Carried>({ extensions }, decision.text);
        params.delete('documentId');
        params.set('query', decision.text);
        if (kept) params.set('extensions', JSON.stringify(kept));
        req.url = `${path}?${params}`;
      }
      return next();
    }
    return next();
  };
}

/**
 * The same rule for a graphql-ws `subscribe` payload, whose `query` is
 * always a string (empty when the client sends only an id). Returns the
 * errors to refuse it with, or undefined after putting the trusted text in
 * `payload.query`.
 */
export function admitSubscribe(documents: TrustedDocuments | undefined, payload: { query: string; extensions?: unknown }): AppError[] | undefined {
  if (!documents) return undefined;
  const decision = admit(documents, payload as Carried);
  if (decision.ok === false) return [new AppError(NOT_IN_LIST, decision.message)];
  if (decision.ok === 'nothing') return [new AppError(NOT_IN_LIST, 'A subscribe message must carry a query or a document id')];
  payload.query = decision.text;
  return undefined;
}
