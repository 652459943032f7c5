import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** The stable `extensions.code` values clients branch on (see the contract README). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'SPACE_UNAVAILABLE'
  /** Over the per-caller operation limit (HTTP 429 with Retry-After; src/rate-limit.ts). */
  | 'RATE_LIMITED'
  /** TRUSTED_DOCUMENTS is set and the request's document is not in it. */
  | 'PERSISTED_QUERY_NOT_IN_LIST';

/** An expected failure: its message is meant for the client developer. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = 'A valid token is required for this data') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
/**
 * The one answer for an object fetched by ID that does not exist and for one
 * outside the viewer's estates: word for word the same, so no token can tell
 * another estate's IDs from made-up ones.
 */
export const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
/** The space cannot be had: closed, under renovation, or already booked for (part of) the time asked for. */
export const spaceUnavailable = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError('SPACE_UNAVAILABLE', message, extensions);

/**
 * The one place errors leave the server (HTTP and WebSocket). Expected
 * failures (AppError) pass as they are. Errors about the request itself
 * (unparsable, invalid against the schema, bad variables, over a limit) come
 * from the GraphQL engine before any resolver ran: they carry no path and
 * describe the client's mistake, so they pass too, with a code. Anything else
 * (a bug, a database error) becomes INTERNAL_SERVER_ERROR with the request id
 * and is reported to `onInternal` to be logged in full. No stack trace or SQL
 * ever reaches a client.
 */
/** True for errors a client may see as they are: expected failures and mistakes in the request itself. */
export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof AppError || (error instanceof GraphQLError && !error.path && original instanceof GraphQLError);
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => string | undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return clientSafe(formatted);
  if (isClientError(error)) {
    const code = formatted.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED';
    return clientSafe({ ...formatted, extensions: { ...formatted.extensions, code } });
  }
  const requestId = onInternal(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

/** The longest error message a client gets, ellipsis included: graphql-js repeats invalid variable values whole, however large. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * A message fit to leave the server: every quoted value in it (graphql-js
 * quotes the values it repeats, and so do ours) cut to a short prefix, so the
 * names around them survive; then the whole cut to MAX_MESSAGE_LENGTH.
 */
export function clientMessage(message: string): string {
  const short = message.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) =>
    (inner.length > PREVIEW_LENGTH + 1 ? `"${inner.slice(0, PREVIEW_LENGTH).replace(/\\[^"]{0,5}$/, '')}…"` : quoted));
  return short.length > MAX_MESSAGE_LENGTH ? `${short.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : short;
}

function clientSafe(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = clientMessage(formatted.message);
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return message === formatted.message ? formatted : { ...formatted, message };
  const { stacktrace: _drop, ...extensions } = formatted.extensions;
  return { ...formatted, message, extensions };
}

/** The longest piece of a client's own input an error message repeats. */
const PREVIEW_LENGTH = 40;

/** A short, printable prefix of a value a client sent, for error messages that name it: never an echo of the whole thing. */
export function preview(value: string): string {
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return printable.length > PREVIEW_LENGTH ? `${printable.slice(0, PREVIEW_LENGTH)}…` : printable;
}
