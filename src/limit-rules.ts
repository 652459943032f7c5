import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError, Kind,
  type ASTVisitor, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode,
  type ValidationContext, type ValidationRule,
} from 'graphql';

/** The root fields an introspection-only operation may consist of. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type', '__typename']);

/**
 * True when every root field of `operation` (through fragments at the root)
 * is `__schema`, `__type` or `__typename`: what schema tools send. Such an
 * operation reads only the schema, so it has its own depth limit and no cost.
 */
export function isIntrospectionOnly(operation: OperationDefinitionNode, fragment: (name: string) => FragmentDefinitionNode | undefined | null): boolean {
  const seen = new Set<string>();
  const check = (set: SelectionSetNode): boolean => set.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_ROOTS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return check(selection.selectionSet);
    if (seen.has(selection.name.value)) return true;
    seen.add(selection.name.value);
    const definition = fragment(selection.name.value);
    // An unknown fragment is KnownFragmentNamesRule's error; it never makes an operation introspection-only.
    return definition ? check(definition.selectionSet) : false;
  });
  return check(operation.selectionSet);
}

/** graphql-armor rules report through this so that a rejection is one validation error, never an exception. */
const report = (rewrite?: (message: string) => string) => [
  (context: ValidationContext | null, error: GraphQLError) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(new GraphQLError(rewrite ? rewrite(message) : message));
  },
];
const ARMOR = { exposeLimits: true, propagateOnRejection: false } as const;

/**
 * Depth: `depth` levels for operations that read data (introspection fields
 * included, so nothing escapes the count), `introspectionDepth` for
 * introspection-only operations, counted through fragments: enough for the
 * standard introspection query's nine nested `ofType`, and no deeper.
 * graphql-js's own MaxIntrospectionDepthRule (in specifiedRules) separately
 * stops `fields { type { fields … } }` cycles.
 */
export function depthRule(depth: number, introspectionDepth: number): ValidationRule {
  const data = maxDepthRule({ ...ARMOR, n: depth, ignoreIntrospection: false, onReject: report() });
  const schema = maxDepthRule({
    ...ARMOR, n: introspectionDepth, ignoreIntrospection: false, flattenFragments: true,
    onReject: report((message) => message.replace(/^Query depth/, 'Introspection depth')),
  });
  return (context) => {
    const forData = data(context);
    const forSchema = schema(context);
    return {
      OperationDefinition(operation) {
        const introspection = isIntrospectionOnly(operation, (name) => context.getFragment(name));
        (introspection ? forSchema : forData).onOperationDefinitionEnter(operation);
      },
    };
  };
}

/** At most `max` aliases per operation, each spread of a fragment counting its aliases again. */
export const aliasesRule = (max: number) =>
  maxAliasesRule({ ...ARMOR, n: max, allowList: [], onReject: report() }) as unknown as ValidationRule;

/** At most `max` directives per operation (5,000 `@include` on one field would otherwise each be checked and reported). */
export const directivesRule = (max: number) =>
  maxDirectivesRule({ ...ARMOR, n: max, onReject: report() }) as unknown as ValidationRule;

/**
 * At most `max` selections per operation, counted as execution sees them:
 * a fragment spread counts every selection of the fragment each time it is
 * spread, so 100 spreads of a 100-field fragment are 10,100 selections even
 * though the document is 2 KB. Counted once per fragment (memoised), so the
 * check itself stays linear in the document's size.
 */
export function selectionsRule(max: number): ValidationRule {
  return (context): ASTVisitor => {
    const perFragment = new Map<string, number>();
    const fragment = (name: string, visiting: Set<string>): number => {
      const known = perFragment.get(name);
      if (known !== undefined) return known;
      const definition = context.getFragment(name);
      // Cycles are NoFragmentCyclesRule's error and unknown names KnownFragmentNamesRule's.
      if (!definition || visiting.has(name)) return 0;
      visiting.add(name);
      const count = selections(definition.selectionSet, visiting);
      visiting.delete(name);
      perFragment.set(name, count);
      return count;
    };
    const selections = (set: SelectionSetNode, visiting: Set<string>): number => {
      let count = 0;
      for (const selection of set.selections) {
        count += 1;
        if (selection.kind === Kind.FRAGMENT_SPREAD) count += fragment(selection.name.value, visiting);
        else if (selection.selectionSet) count += selections(selection.selectionSet, visiting);
      }
      return count;
    };
    return {
      OperationDefinition(operation) {
        const count = selections(operation.selectionSet, new Set());
        if (count > max) {
          context.reportError(new GraphQLError(
            `Selection limit of ${max} exceeded, found ${count} (a fragment counts again at every spread).`,
            { nodes: [operation] },
          ));
        }
      },
    };
  };
}
