import {
  getNamedType, isAbstractType, isLeafType, isNonNullType, isObjectType,
  type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';

/**
 * Builds queries from the schema itself that reach every field through every
 * path the schema allows, to a depth counted in objects with an `id` (rows):
 * a connection, its edges and page info, a rating or an actor are expanded
 * wherever their parent is, rows only while hops remain. Whatever types and
 * fields the schema gains are walked without a change here; a field with a
 * required argument the walker cannot fill makes it fail loudly, naming it.
 */

/** Values for arguments, by `Type.field`: nested fields need them only when an argument is required. */
export type ArgTable = Record<string, Record<string, unknown>>;

export interface Walk {
  schema: GraphQLSchema;
  /** Hops allowed below the root row (the issue asks for at least three). */
  hops: number;
  /** Arguments of nested fields that require some. */
  nestedArgs: ArgTable;
  /** Every `Type.field` the walk selected, for the coverage check. */
  covered: Set<string>;
  /** The variables of the document being built. */
  vars: Variables;
}

/** A row: an object type with an `id` field. Paging wrappers, ratings, actors are not rows. */
function isRow(type: GraphQLNamedType): boolean {
  return (isObjectType(type) && 'id' in type.getFields()) || isAbstractType(type);
}

/** Variables a document collects while it is built: `$v0: Type` and their values. */
export class Variables {
  readonly values: Record<string, unknown> = {};
  private readonly definitions: string[] = [];

  /** A new variable of GraphQL type `type` holding `value`. */
  add(type: string, value: unknown): string {
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${type}`);
    this.values[name] = value;
    return `$${name}`;
  }

  /** `(…)` for the operation, empty when there are none. */
  declaration(): string {
    return this.definitions.length ? `(${this.definitions.join(', ')})` : '';
  }
}

/** The arguments a field is given from `values`, as variables. */
export function argumentList(field: GraphQLField<unknown, unknown>, values: Record<string, unknown>, vars: Variables): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return '';
  return `(${entries.map(([name, value]) => {
    const arg = field.args.find((a) => a.name === name);
    if (!arg) throw new Error(`${field.name} has no argument ${name}`);
    return `${name}: ${vars.add(String(arg.type), value)}`;
  }).join(', ')})`;
}

/** The arguments a nested field is given: its table entry, else `first: 2` on connections; unknown required ones fail. */
function argsFor(walk: Walk, parent: string, field: GraphQLField<unknown, unknown>): string {
  const key = `${parent}.${field.name}`;
  const given = walk.nestedArgs[key];
  const values: Record<string, unknown> = given ? { ...given } : {};
  if (!given && field.args.some((a) => a.name === 'first')) values.first = 2;
  const missing = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && !(a.name in values));
  if (missing.length) {
    throw new Error(`the leak hunter cannot fill ${key}(${missing.map((a) => a.name).join(', ')}): add values to its nestedArgs table`);
  }
  return argumentList(field, values, walk.vars);
}

/**
 * The selection of every field of `type` reachable with `hops` rows left below
 * it. Inside the fragments of an abstract type every field is aliased by its
 * type, since two types may share a field name with different types.
 */
export function selectAll(walk: Walk, type: GraphQLNamedType, hops: number, alias = ''): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type)) {
    return ['__typename', ...walk.schema.getPossibleTypes(type).map((t) => `... on ${t.name} { ${selectAll(walk, t, hops, `${t.name}_`)} }`)].join(' ');
  }
  const object = type as GraphQLObjectType;
  const parts = ['__typename'];
  const name = (field: string) => (alias ? `${alias}${field}: ${field}` : field);
  for (const field of Object.values(object.getFields())) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(`${name(field.name)}${argsFor(walk, object.name, field)}`);
      walk.covered.add(`${object.name}.${field.name}`);
      continue;
    }
    const left = isRow(named) ? hops - 1 : hops;
    if (left < 0) continue;
    parts.push(`${name(field.name)}${argsFor(walk, object.name, field)} { ${selectAll(walk, named, left)} }`);
    walk.covered.add(`${object.name}.${field.name}`);
  }
  return parts.join(' ');
}

/** Every `Type.field` of the object types a query can reach from `root`, for the coverage check. */
export function reachableFields(schema: GraphQLSchema, roots: readonly GraphQLObjectType[]): Set<string> {
  const seen = new Set<string>();
  const types = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (types.has(type.name) || isLeafType(type)) return;
    types.add(type.name);
    if (isAbstractType(type)) {
      for (const t of schema.getPossibleTypes(type)) visit(t);
      return;
    }
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      seen.add(`${type.name}.${field.name}`);
      visit(getNamedType(field.type));
    }
  };
  for (const root of roots) {
    for (const field of Object.values(root.getFields())) visit(getNamedType(field.type));
  }
  return seen;
}

/**
 * Every string a response holds, keyed for exact comparison: leaf values,
 * error messages, and the values packed inside paging cursors (a cursor is a
 * value a client can read too).
 */
export function stringsOf(body: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      out.add(value);
      if (key && /cursor$/i.test(key)) {
        try {
          const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
          visit(decoded);
        } catch {
          out.add(Buffer.from(value, 'base64url').toString('utf8'));
        }
      }
    } else if (typeof value === 'number') {
      out.add(String(value));
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(body);
  return out;
}
