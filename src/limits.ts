import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError, getNullableType, isLeafType, isListType, getNamedType,
  type DocumentNode, type GraphQLSchema, type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './services/paging';

/** Deepest selection accepted; the deepest contract operation (BuildingTickets) is 7 levels. */
export const MAX_DEPTH = 12;
/**
 * Highest estimated cost accepted: roughly the number of objects a response may
 * hold. Every contract operation at 100 a page stays below it; a page of
 * pages of pages (100 × 100 × …) does not.
 */
export const MAX_COST = 10_000;
/** What an unpaged list (a grid's buildings, a household's residents) is assumed to hold. */
const PLAIN_LIST_SIZE = 10;

/** Rejects over-deep documents during validation, with the other validation errors. */
export const limitRules: ValidationRule[] = [
  maxDepthRule({
    n: MAX_DEPTH,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))],
  }) as unknown as ValidationRule,
];

/**
 * Cost of one field: 1, plus its selection times the number of items it can
 * return. Connections count `first`/`last` (variables included, capped at the
 * page limit so an out-of-range value gets its own clear error from the
 * resolver); plain lists count a typical size, or the number of ids asked for.
 */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 1;
  if (field.args.some((a) => a.name === 'first')) {
    const size = Math.min(Math.max(Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE) || 0, 0), MAX_PAGE_SIZE);
    return 1 + size * childComplexity;
  }
  // A connection's edges are the page already counted by its first/last.
  if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) {
    const ids = Array.isArray(args.ids) ? args.ids.length : PLAIN_LIST_SIZE;
    return 1 + ids * childComplexity;
  }
  return 1 + childComplexity;
};

/** The estimated cost of running `document` with these variables. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator] });
}

/** QUERY_TOO_COMPLEX (HTTP 400) when the operation would cost more than MAX_COST. */
export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): void {
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (error) {
    // Variables that do not fit the operation: execution reports that precisely (BAD_USER_INPUT), nothing runs.
    if (error instanceof GraphQLError) return;
    throw error;
  }
  if (cost > MAX_COST) {
    throw new GraphQLError(`The operation's estimated cost ${Math.ceil(cost)} exceeds the limit of ${MAX_COST}; ask for smaller pages or fewer nested lists`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: Math.ceil(cost), maxCost: MAX_COST, http: { status: 400 } },
    });
  }
}
