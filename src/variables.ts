import {
  coerceInputValue, isInputType, isNonNullType, typeFromAST,
  type GraphQLSchema, type VariableDefinitionNode,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import { preview } from './errors';

/**
 * The first reason `inputs` do not fit an operation's variable definitions,
 * or null when they fit. It says what graphql-js would (`Variable "$input"
 * got invalid value at "input.expectedVersion"; Int cannot represent
 * non-integer value: "abc"`), except that graphql-js repeats the offending
 * value whole, however large, before the path: here the path comes first and
 * the value only as a short prefix, so a 900 KB string sent for an Int costs
 * a short message that still names where it went.
 */
export function variableProblem(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], inputs: Record<string, unknown>): string | null {
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never);
    // Validation refuses these before variables are read; kept so nothing unchecked slips through.
    if (!type || !isInputType(type)) return `Variable "$${name}" does not have an input type.`;
    if (!Object.hasOwn(inputs, name)) {
      if (!definition.defaultValue && isNonNullType(type)) return `Variable "$${name}" of required type "${type}" was not provided.`;
      continue;
    }
    const value = inputs[name];
    if (value === null && isNonNullType(type)) return `Variable "$${name}" of non-null type "${type}" must not be null.`;
    let problem: string | null = null;
    coerceInputValue(value, type, (path, invalid, error) => {
      const at = path.length ? ` at "${name}${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}"` : '';
      problem ??= `Variable "$${name}" got invalid value${at}; ${withoutEcho(error.message, invalid)}`;
    });
    if (problem) return problem;
  }
  return null;
}

/** A type's message about a value with every copy of the value, quoted (graphql-js) or bare (graphql-scalars), cut to a prefix. */
function withoutEcho(message: string, value: unknown): string {
  if (typeof value !== 'string') return message.split(inspect(value)).join(preview(inspect(value)));
  const quoted = message.split(inspect(value)).join(`"${preview(value)}"`);
  return value.length > preview(value).length ? quoted.split(value).join(preview(value)) : quoted;
}
