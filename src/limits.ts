import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError, getNullableType, getOperationAST, isLeafType, isListType, getNamedType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type ParseOptions, type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './services/paging';
import { variableProblem } from './variables';
import { aliasesRule, depthRule, directivesRule, isIntrospectionOnly, selectionsRule } from './limit-rules';

/**
 * What one GraphQL operation may ask for, over HTTP and WebSocket alike. Each
 * is set by an environment variable (src/config.ts, README "Limits"); the
 * defaults admit every operation of the client contract with room to spare.
 */
export interface QueryLimits {
  /** Deepest selection of an operation that reads data (`GRAPHQL_MAX_DEPTH`). */
  depth: number;
  /** Deepest selection of an introspection-only operation (`GRAPHQL_MAX_INTROSPECTION_DEPTH`). */
  introspectionDepth: number;
  /** Highest estimated cost, roughly the objects a response may hold (`GRAPHQL_MAX_COST`). */
  cost: number;
  /** Most aliases in one operation (`GRAPHQL_MAX_ALIASES`). */
  aliases: number;
  /** Most directives in one operation (`GRAPHQL_MAX_DIRECTIVES`). */
  directives: number;
  /** Most lexical tokens in one document, checked while parsing (`GRAPHQL_MAX_TOKENS`). */
  tokens: number;
  /** Most selections in one operation, fragments counted at every spread (`GRAPHQL_MAX_SELECTIONS`). */
  selections: number;
}

/**
 * The contract's deepest operation (BuildingTickets) is 7 levels, its largest
 * 99 tokens and 39 selections, with no aliases or directives; the standard
 * introspection query is 15 levels (nine nested `ofType`), 183 tokens and 239
 * selections. A test-suite tool batches up to 50 aliased fields.
 */
export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({
  depth: 12,
  introspectionDepth: 15,
  cost: 10_000,
  aliases: 50,
  directives: 20,
  tokens: 2_000,
  selections: 1_000,
});

/** Deepest selection accepted by default. */
export const MAX_DEPTH = DEFAULT_LIMITS.depth;
/**
 * Highest estimated cost accepted by default: roughly the number of objects a
 * response may hold. Every contract operation at 100 a page stays below it; a
 * page of pages of pages (100 × 100 × …) does not.
 */
export const MAX_COST = DEFAULT_LIMITS.cost;
/** What an unpaged list (a grid's buildings, a household's residents) is assumed to hold. */
const PLAIN_LIST_SIZE = 10;

/** The limits as the server applies them. */
export interface Limits {
  readonly limits: Readonly<QueryLimits>;
  /** For graphql-js `parse` (Apollo's `parseOptions`): the token limit, enforced while lexing. */
  readonly parseOptions: ParseOptions;
  /** Added to graphql-js's specifiedRules: depth, aliases, directives, selections. */
  readonly validationRules: ValidationRule[];
  /**
   * After validation, before anything runs: QUERY_TOO_COMPLEX (HTTP 400) when
   * the operation would cost more than the limit or its cost cannot be
   * estimated, BAD_USER_INPUT when its variables do not fit it.
   */
  assertAffordable(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown> | null, operationName?: string | null): void;
}

/** The limits for these settings (unset ones take their defaults). */
export function queryLimits(overrides: Partial<QueryLimits> = {}): Limits {
  const limits = Object.freeze({ ...DEFAULT_LIMITS, ...definedOnly(overrides) });
  return {
    limits,
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [
      depthRule(limits.depth, limits.introspectionDepth),
      aliasesRule(limits.aliases),
      directivesRule(limits.directives),
      selectionsRule(limits.selections),
    ],
    assertAffordable: (schema, document, variables, operationName) =>
      assertAffordableWith(limits, schema, document, variables, operationName),
  };
}

const defaults = queryLimits();
/** The default validation rules (depth, aliases, directives, selections). */
export const limitRules: ValidationRule[] = defaults.validationRules;
/** {@link Limits.assertAffordable} with the default limits. */
export const assertAffordable = defaults.assertAffordable;

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

/**
 * The estimated cost of running `document` with these variables. Throws a
 * GraphQLError when it cannot be estimated: variables that do not fit, or more
 * than `maxSelections` selections (graphql-query-complexity walks every
 * fragment spread anew and stops there).
 */
export function operationCost(
  schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown> | null, operationName?: string | null,
  maxSelections = DEFAULT_LIMITS.selections,
): number {
  return getComplexity({
    schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator],
    // It throws once it has counted this many; the selections rule has already refused anything larger.
    maxQueryNodes: maxSelections + 1,
  });
}

function assertAffordableWith(
  limits: QueryLimits, schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown> | null, operationName?: string | null,
): void {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) {
    throw refusal('BAD_USER_INPUT', operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.');
  }
  // Reading the schema costs no page arithmetic; its depth was bounded during validation.
  if (isIntrospectionOnly(operation, (name) => fragmentOf(document, name))) return;
  // Checked here rather than left to execution: nothing may run whose cost was not estimated.
  const problem = variableProblem(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (problem) throw refusal('BAD_USER_INPUT', problem);
  const cost = cachedCost(document, `${operationName ?? ''}\u0000${limits.selections}\u0000${costShape(variables)}`, () => {
    try {
      return operationCost(schema, document, variables, operationName, limits.selections);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return refusal('QUERY_TOO_COMPLEX', `The operation's cost could not be estimated (${error.message}); it is refused. Ask for fewer fields or fragments`, { maxCost: limits.cost });
    }
  });
  if (cost instanceof GraphQLError) throw cost;
  if (cost > limits.cost) {
    throw refusal('QUERY_TOO_COMPLEX', `The operation's estimated cost ${Math.ceil(cost)} exceeds the limit of ${limits.cost}; ask for smaller pages or fewer nested lists`, {
      cost: Math.ceil(cost), maxCost: limits.cost,
    });
  }
}

/**
 * Estimates per document and variable shape. Apollo keeps one parsed document
 * per query text, so the same operation sent again (a client's every request)
 * finds its estimate here instead of walking its selection anew. The cost
 * depends on the variables only through numbers (page sizes), list lengths
 * (`ids`) and booleans (`@include`, `@skip`), so their shape is the key.
 */
const costs = new WeakMap<DocumentNode, Map<string, number | GraphQLError>>();
const COSTS_PER_DOCUMENT = 64;

function cachedCost(document: DocumentNode, key: string, estimate: () => number | GraphQLError): number | GraphQLError {
  let byShape = costs.get(document);
  if (!byShape) costs.set(document, (byShape = new Map()));
  let cost = byShape.get(key);
  if (cost === undefined) {
    cost = estimate();
    if (byShape.size >= COSTS_PER_DOCUMENT) byShape.delete(byShape.keys().next().value!);
    byShape.set(key, cost);
  }
  return cost;
}

/** What of the variables a cost can depend on: numbers and booleans as they are, lists by length, text not at all. */
export function costShape(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) => {
    if (typeof v === 'string') return undefined;
    if (Array.isArray(v)) return v.every((item) => typeof item !== 'object' || item === null) ? v.length : v;
    return v;
  });
}

function refusal(code: 'BAD_USER_INPUT' | 'QUERY_TOO_COMPLEX', message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

function fragmentOf(document: DocumentNode, name: string): FragmentDefinitionNode | undefined {
  return document.definitions.find((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition' && d.name.value === name);
}

/** Drops keys whose value is undefined, so that they keep their defaults. */
function definedOnly<T extends object>(values: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
