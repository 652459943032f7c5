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
  | 'SPACE_UNAVAILABLE';

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
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});

/** Codes Apollo itself produces for bad requests; they describe the client's mistake and pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
]);

/**
 * The one place errors leave the server. AppErrors and Apollo's own request
 * errors pass; anything else (a bug, a database error) becomes
 * INTERNAL_SERVER_ERROR with the request id, and is reported to `onInternal`
 * so it is logged in full. No stack trace or SQL ever reaches a client.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => string | undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return stripStack(formatted);
  const code = formatted.extensions?.code;
  // Errors graphql-js raises while validating or coercing the request carry no original error.
  if (typeof code === 'string' && CLIENT_CODES.has(code) && (!(original instanceof Error) || original instanceof GraphQLError)) {
    return stripStack(formatted);
  }
  const requestId = onInternal(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

function stripStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _drop, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
