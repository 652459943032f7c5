import type http from 'node:http';
import express, { type RequestHandler } from 'express';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Viewer } from './access/viewer';
import type { Context } from './context';
import { admitBody, trustedDocumentsGate, type DocumentRefusal, type TrustedDocuments } from './documents';
import { assignRequestId, requestIds } from './request-id';
import type { RateLimiter } from './rate-limit';
import type { Logger } from './logger';
import { sendJson } from './http-json';

/**
 * GraphQL over HTTP at /graphql: the steps before Apollo (CORS, request id,
 * token, rate limit, body, trusted documents), then Apollo itself, which
 * keeps parsing, validation and limits, plugins and error formatting.
 *
 * The requests clients send nearly always (a POST of `application/json` in
 * UTF-8 with its length given) take these steps as plain functions on Node's
 * request and response; express's router, body parser and response helpers
 * cost about half of a small request's CPU. Everything else
 * (GET, other content types or encodings, chunked bodies, other paths under
 * /graphql) goes through express with the same steps and the same answers.
 *
 * On that path, a query Apollo has already validated and answered (the same
 * text and operation name, src/compiled.ts's KnownQueries) is run without
 * Apollo's pipeline, whose per-request work (negotiation, the query hash,
 * plugin hooks, copies of the request) measured 20-45 % of a page query's
 * server time. A result with errors is handed to Apollo with the request's
 * context, which holds it: Apollo answers it without running the query
 * again, so errors keep one format, log line and report.
 */

/** What the steps before Apollo learn about a request. */
export interface RequestState {
  requestId: string;
  correlationId?: string;
  viewer?: Viewer;
  /** Why the token was refused (or could not be checked): reported when the context is made. */
  authError?: unknown;
}

export interface GraphqlHttpOptions {
  apollo: ApolloServer<Context>;
  /** CORS for /graphql (src/origins.ts): its middleware needs nothing of express. */
  cors: RequestHandler;
  viewerOf(authorization: string | undefined): Promise<Viewer>;
  rateLimiter: RateLimiter;
  documents: TrustedDocuments | undefined;
  refuseDocument: DocumentRefusal;
  /** A request's context from what the steps learnt; throws what Apollo answers instead (a refused token). */
  context(state: RequestState): Promise<Context>;
  /**
   * Runs a query Apollo has answered before (the same text and operation
   * name) without Apollo. Its answer is the response's JSON, exactly as
   * Apollo would send it; or, when the result has errors (which Apollo
   * formats, logs and reports), the request's context holding the result
   * (`Context.executed`) for Apollo to answer; undefined when it ran nothing
   * (not known, over its limits).
   */
  answerKnown?(request: KnownRequest, state: RequestState): Promise<string | Context | undefined>;
  logger: Logger;
}

/** A request's body in the one shape the known path takes: a query text, maybe an operation name and variables. */
export interface KnownRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface GraphqlHttp {
  /** Serves the request and returns true when it takes the fast path; false leaves it to express. */
  fast(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** The same steps as express handlers, for `app.use('/graphql', ...)`. */
  express: RequestHandler[];
}

/** The largest request body taken, as express's parser reads it and in bytes. */
export const BODY_LIMIT = '1mb';
const BODY_LIMIT_BYTES = 1024 * 1024;

const JSON_UTF8 = /^application\/json[ \t]*(;[ \t]*charset="?utf-8"?[ \t]*)?$/i;

export function graphqlHttp(options: GraphqlHttpOptions): GraphqlHttp {
  const { apollo, cors, viewerOf, rateLimiter, documents, refuseDocument, context, answerKnown, logger } = options;

  const readViewer = (req: http.IncomingMessage, state: RequestState): Promise<void> =>
    viewerOf(req.headers.authorization).then((viewer) => { state.viewer = viewer; }, (error: unknown) => { state.authError = error; });

  /** Hands the request to Apollo and writes its answer, as Apollo's express integration does. */
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, body: unknown, state: RequestState, withResult?: Context): Promise<void> => {
    const headers = new HeaderMap();
    for (const key in req.headers) {
      const value = req.headers[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const mark = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: mark < 0 ? '' : url.slice(mark), body },
      context: () => (withResult ? Promise.resolve(withResult) : context(state)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return sendComplete(res, response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const serveFast = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const state: RequestState = assignRequestId(req, res);
    const [raw] = await Promise.all([readBody(req, BODY_LIMIT_BYTES), readViewer(req, state)]);
    if (raw === null) {
      // The caller went away before its body was in: nobody to answer.
      res.destroy();
      return;
    }
    if (!(await rateLimiter.admitHttp(req, res, state.viewer, state.requestId))) return;
    let body = parseJsonBody(raw);
    if (body === INVALID) {
      rejectBody(res, logger, 400, state.requestId, '/graphql');
      return;
    }
    if (documents) {
      const decision = admitBody(documents, body);
      if ('refused' in decision) return refuseDocument(res, state.requestId, decision.refused, decision.operationName);
      body = decision.body;
    }
    const request = answerKnown && state.authError === undefined && acceptsJson(req.headers.accept) ? knownRequest(body) : undefined;
    const known = request && answerKnown ? await answerKnown(request, state) : undefined;
    if (typeof known === 'string') {
      // What Apollo sends for a single result it negotiated to JSON.
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.statusCode = 200;
      return sendComplete(res, known);
    }
    await answer(req, res, body, state, known);
  };

  return {
    fast(req, res) {
      if (!takesFastPath(req)) return false;
      cors(req as never, res as never, (error?: unknown) => {
        if (error) return rejectBody(res, logger, 500, undefined, '/graphql', error);
        serveFast(req, res).catch((failure: unknown) => rejectBody(res, logger, 500, undefined, '/graphql', failure));
      });
      return true;
    },
    express: [
      cors,
      requestIds,
      // The token is read once per request; the rate limiter counts its subject, the context carries its viewer.
      (req, res, next) => { readViewer(req, res.locals as RequestState).then(() => next(), next); },
      rateLimiter.http,
      express.json({ limit: BODY_LIMIT }),
      trustedDocumentsGate(documents, refuseDocument),
      (req, res, next) => { answer(req, res, req.body, res.locals as RequestState).catch(next); },
    ],
  };
}

/**
 * True for the requests the fast path serves: a POST to /graphql of JSON in
 * UTF-8, not encoded, with its length given and within the limit.
 */
export function takesFastPath(req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const type = req.headers['content-type'];
  const encoding = req.headers['content-encoding'];
  const length = Number(req.headers['content-length']);
  return type !== undefined && JSON_UTF8.test(type) && (encoding === undefined || encoding.toLowerCase() === 'identity')
    && req.headers['transfer-encoding'] === undefined && Number.isSafeInteger(length) && length <= BODY_LIMIT_BYTES;
}

function sendComplete(res: http.ServerResponse, body: string): void {
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Accept headers for which Apollo's content negotiation picks `application/json; charset=utf-8` (none is `*\/*`). */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '*/*' || accept === 'application/json';
}

/** The body as a {@link KnownRequest}, or undefined for anything else (extensions, a batch, odd types): Apollo's to judge. */
function knownRequest(body: unknown): KnownRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return undefined;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName != null && typeof operationName !== 'string')) return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, operationName: operationName as string | null | undefined, variables: variables as Record<string, unknown> | null | undefined };
}

const INVALID = Symbol('invalid JSON');

/**
 * A request body as express's JSON parser reads it: empty is `{}`, a leading
 * byte-order mark is dropped, and only an object or an array is JSON here.
 */
function parseJsonBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') return INVALID;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

/** The body of a request whose length is known and within the limit; null when the caller goes away first. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) req.destroy();
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', () => resolve(null));
    req.once('close', () => resolve(null));
  });
}

/** Failures before GraphQL as clean JSON errors: 413 above the body limit, 400 for malformed JSON, 500 (logged) for the rest. */
export function rejectBody(res: http.ServerResponse, logger: Logger, status: number, requestId: string | undefined, path: string, error?: unknown): void {
  const known: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', 'The request body is not valid JSON'],
    413: ['PAYLOAD_TOO_LARGE', `The request body is larger than ${BODY_LIMIT}`],
    415: ['BAD_REQUEST', 'Unsupported content type'],
  };
  const [code, message] = known[status] ?? ['INTERNAL_SERVER_ERROR', 'Internal server error'];
  if (status >= 500) logger.error({ requestId, err: error, path }, 'request failed before GraphQL');
  else logger.info({ requestId, status, path, code }, 'rejected request body');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status >= 500 ? 500 : status, { errors: [{ message, extensions: { code } }] });
}
