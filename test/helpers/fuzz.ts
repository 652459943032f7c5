import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, typeFromAST,
  type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { NODE_TYPES, toGlobalId } from '../../src/ids';

/**
 * Arbitraries for the fuzz test (test/fuzz.test.ts): variables for any
 * operation, built by walking its variable definitions through the schema.
 * Values are what a careless or hostile client sends: NUL and control
 * characters, emoji, strings up to 10,000 characters, ids of the right and the
 * wrong type from two estates, ids of rows that do not exist, forged cursors,
 * instants the database cannot store, numbers at the edges of Int.
 */

/** Real values of the test's estates, so that generated input also reaches past the first check. */
export interface Pools {
  /** Valid global ids of both estates, by type (Ticket, Household, ...). */
  ids: Record<string, string[]>;
  /** The same for the estate the tokens cover. */
  ownIds: Record<string, string[]>;
  /** Estate codes that exist. */
  codes: string[];
  /** Ticket numbers that exist. */
  numbers: string[];
  /** Cursors real lists and the event stream handed out. */
  cursors: string[];
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
/** Row ids this far up are never reached by a test database. */
const UNKNOWN_ROW = 2_147_480_000;

/** Which type an ID argument names, by its name. */
const ID_TYPES: Record<string, string> = {
  householdId: 'Household', buildingId: 'Building', spaceId: 'PublicSpace', reporterId: 'Resident', residentId: 'Resident',
  assigneeId: 'Staff', ticketId: 'Ticket', gridId: 'Grid', dispatchId: 'Dispatch', staffId: 'Staff',
};

const LENGTHS = [41, 99, 100, 101, 199, 200, 201, 999, 1000, 1001, 3999, 4000, 4001, 10_000];

const nasty = fc.constantFrom(
  '\u0000', 'a\u0000b', 'Leak\u0000', '\u0007\u0008', '\u001b[31mred', '\r\n', '\t', '\u007f', '🏠🔥', '\u202eevil', '\ud800', '\udfff',
  'Ａ', "'; drop table ticket; --", '%s%n%x', '{"a":1}', '', ' ', '   \n\t ', '\u0000'.repeat(10), '\\', '"', 'null', 'undefined',
);
const long = fc.tuple(fc.constantFrom('x', 'é', '🏠', '\u0000', 'a b', '\u0001'), fc.constantFrom(...LENGTHS))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const plausibleText = fc.constantFrom('Leak under sink', 'hotline-7731', 'Dripping tap', 'fast', 'please call first', 'k-1', 'LH');

/** Instants beyond what can be stored, others at its edges, some that are not instants at all. */
export const dateTimes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(
    '0000-01-01T00:00:00Z', '0000-06-15T12:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59.999-01:00',
  ) },
  { weight: 2, arbitrary: fc.constantFrom(
    '0001-01-01T00:00:00Z', '0000-12-31T23:00:00-01:00', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z', '2025-02-30T00:00:00Z',
    '2025-01-01T24:00:00Z', '2025-06-01T12:00:00+14:00', 'notadate', '2025-01-01', '+275760-09-13T00:00:00Z', '2025-01-01T00:00:00.123456789Z',
  ) },
  { weight: 1, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
);

const strings = fc.oneof(
  { weight: 3, arbitrary: plausibleText },
  { weight: 3, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })) },
  { weight: 3, arbitrary: nasty },
  { weight: 3, arbitrary: long },
  { weight: 1, arbitrary: dateTimes },
);

function codes(pools: Pools): fc.Arbitrary<string> {
  const [code] = pools.codes;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pools.codes) },
    { weight: 3, arbitrary: fc.constantFrom(code.toLowerCase(), `${code}\u0000`, `\u0000${code}`, ` ${code}`, 'LH', 'ZZZZZZZZ', 'ZZZZZZZZZ', '', 'LH-2025', '%', '_') },
    { weight: 1, arbitrary: strings },
  );
}

function ticketNumbers(pools: Pools): fc.Arbitrary<string> {
  const [number] = pools.numbers;
  const [code, year] = number.split('-');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pools.numbers) },
    { weight: 3, arbitrary: fc.constantFrom(`${number}\u0000`, `${code}-${year}-999999999`, `${code}-0000-000001`, `${code}-${year}-0000000001`, number.toLowerCase(), `${code}-${year}-`, '%-%-%') },
    { weight: 1, arbitrary: strings },
  );
}

/** Cursors of other lists, forged arrays (`["notadate",1]`, `[1,1]`), event cursors, junk. */
function cursors(pools: Pools): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), dateTimes,
    fc.constantFrom(2147483648, -2147483649, Number.MAX_SAFE_INTEGER + 2, 1e300, -0, 'x'.repeat(600)),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...pools.cursors) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pools.cursors), fc.constantFrom('\u0000', '=', ' ', '\n')).map(([cursor, junk]) => cursor + junk) },
    // Instants at the edges of what the database stores, in the shape of a list's cursor.
    { weight: 4, arbitrary: fc.constantFrom('0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z', '9999-12-31T23:59:59.999999Z', '0001-01-01T00:00:00Z')
      .map((at) => b64(JSON.stringify([at, 1]))) },
    { weight: 6, arbitrary: fc.constantFrom(
      b64('["notadate",1]'), b64('[1,1]'), b64('["2025-01-01T00:00:00Z",2147483648]'), b64('["2025-01-01T00:00:00Z",1.5]'), b64('["\\u0000",1]'), b64('[]'), b64('null'), b64('{}'),
      b64('ev:1'), b64('ev:0'), b64('ev:999999999999999'), b64('ev:9999999999999999999'), b64('ev:-1'), b64('ev:1\u0000'),
    ) },
    { weight: 3, arbitrary: fc.array(value, { maxLength: 3 }).map((values) => b64(JSON.stringify(values))) },
    { weight: 3, arbitrary: fc.tuple(dateTimes, fc.integer()).map((values) => b64(JSON.stringify(values))) },
    { weight: 1, arbitrary: strings },
  );
}

function ids(pools: Pools, hint: string): fc.Arbitrary<string> {
  const all = Object.values(pools.ids).flat();
  const wanted = pools.ids[ID_TYPES[hint] ?? ''] ?? [];
  return fc.oneof(
    ...(wanted.length ? [{ weight: 5, arbitrary: fc.constantFrom(...wanted) }] : []),
    { weight: 3, arbitrary: fc.constantFrom(...all) },
    { weight: 1, arbitrary: fc.constantFrom(...NODE_TYPES.map((type) => toGlobalId(type, UNKNOWN_ROW))) },
    { weight: 1, arbitrary: fc.constantFrom(
      b64('Ticket:2147483648'), b64('Ticket:99999999999999999999'), b64('Ticket:0'), b64('Ticket:-1'), b64('Ticket:01'), b64('Ticket:1.5'),
      b64('TicketEvent:1'), b64('Dispatch:1'), b64('Ticket:1\u0000'), b64('ticket:1'), b64(''), b64(':1'), 'not-an-id', '%%%',
    ) },
    // Base64 decoders skip what they do not know: a real id with something after it must not pass for it.
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...all), fc.constantFrom('\u0000', ' ', '=', '==', '.', '\n', '%00')).map(([id, junk]) => id + junk) },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
    { weight: 1, arbitrary: strings },
  );
}

const ints = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -1, 1, 2, 3, 4, 5, 6, 9, 10, 50, 100, 101, 2147483647, -2147483648) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 10 }) },
);
/** Values no Int, ID or String variable accepts: the engine refuses them before any resolver runs. */
const wrongTypes = fc.constantFrom<unknown>(2147483648, 1.5, 1e20, 'seven', 'x'.repeat(5000), true, {}, [1], { '\u0000': 1 }, { ['k'.repeat(100)]: 'v'.repeat(100) });

/**
 * How far a case strays from a valid request. `good`: every value plausible
 * (ids of the caller's estate and of the right type, short text, small
 * numbers), so the request reaches the deepest checks; `mixed`: most values
 * plausible, some hostile; `wild`: every value hostile; `loose`: hostile and
 * sometimes of the wrong type (null for a required value, a string for an
 * Int, an enum value that does not exist), which the engine refuses before
 * any resolver runs.
 */
export type Mode = 'good' | 'mixed' | 'wild' | 'loose';

/**
 * A value with exactly one hostile leaf and every other one plausible: the
 * surest way past the other checks to the one under test.
 */
function faulty(type: GraphQLInputType, hint: string, pools: Pools): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return faulty(type.ofType, hint, pools);
  if (isListType(type)) {
    const good = fc.array(inputValue(type.ofType, hint, pools, 'good'), { maxLength: 2 });
    return fc.tuple(good, faulty(type.ofType, hint, pools), good).map(([before, bad, after]) => [...before, bad, ...after]);
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    // A strict enum value cannot be hostile: pick among the fields that can.
    const open = fields.filter((f) => !isEnumType(getNamedType(f.type)));
    return fc.oneof(...(open.length ? open : fields).map((bad) => fc.record(Object.fromEntries(fields.map((f) => [
      f.name, f === bad ? faulty(f.type, f.name, pools) : inputValue(f.type, f.name, pools, 'good'),
    ]))).map(defined)));
  }
  return hostile(type.name, hint, pools);
}

const defined = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));

function plausible(type: string, hint: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (type) {
    case 'ID': {
      const wanted = pools.ownIds[ID_TYPES[hint] ?? ''] ?? [...pools.ownIds.Ticket, ...pools.ownIds.Building];
      return fc.constantFrom(...wanted);
    }
    case 'Int':
      if (hint === 'first' || hint === 'last') return fc.integer({ min: 0, max: 100 });
      return fc.integer({ min: 1, max: 6 });
    case 'Boolean': return fc.boolean();
    case 'DateTime': return fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      if (/^(after|before)$/.test(hint)) return fc.constantFrom(...pools.cursors);
      if (/^(code|communityCodes)$/.test(hint)) return fc.constant(pools.codes[0]);
      if (hint === 'number') return fc.constantFrom(...pools.numbers);
      return fc.oneof(plausibleText, fc.stringMatching(/^[a-z0-9-]{1,20}$/));
  }
}

function hostile(type: string, hint: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (type) {
    case 'ID': return ids(pools, hint);
    case 'Int': return ints;
    case 'Boolean': return fc.boolean();
    case 'DateTime': return fc.oneof({ weight: 5, arbitrary: dateTimes }, { weight: 1, arbitrary: strings });
    default:
      if (/^(after|before)$/.test(hint)) return cursors(pools);
      if (/^(code|communityCodes)$/.test(hint)) return codes(pools);
      if (hint === 'number') return ticketNumbers(pools);
      return strings;
  }
}

/** A value for one input type; `hint` is the argument or field name, which tells what a plausible value is. */
export function inputValue(type: GraphQLInputType, hint: string, pools: Pools, mode: Mode): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = inputValue(type.ofType, hint, pools, mode);
    return mode === 'loose' ? fc.oneof({ weight: 15, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value.filter((v) => v != null);
  }
  const value = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) {
      const item = inputValue(type.ofType, hint, pools, mode);
      if (mode === 'good') return fc.array(item, { minLength: 1, maxLength: 3 });
      return fc.oneof({ weight: 9, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 99, maxLength: 120 }) });
    }
    if (isEnumType(type)) {
      const names = type.getValues().map((v) => v.name);
      const wrong = fc.constantFrom('NOPE', names[0].toLowerCase(), `${names[0]}\u0000`);
      return mode === 'loose' ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: wrong }) : fc.constantFrom(...names);
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      // A field left out and a field sent as null are different requests: both happen.
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, f.name, pools, mode)]))).map(defined);
    }
    switch (mode) {
      case 'good': return plausible(type.name, hint, pools);
      case 'mixed': return fc.oneof({ weight: 2, arbitrary: plausible(type.name, hint, pools) }, { weight: 1, arbitrary: hostile(type.name, hint, pools) });
      case 'wild': return hostile(type.name, hint, pools);
      case 'loose': return fc.oneof({ weight: 3, arbitrary: hostile(type.name, hint, pools) }, { weight: 1, arbitrary: wrongTypes });
    }
  })();
  // Optional: left out, null, or a value.
  const absent = mode === 'good' ? 3 : 2;
  return fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: value });
}

/** Variables for an operation, from its variable definitions: plausible, with one fault, with many, hostile, ill-typed. */
export function variablesFor(schema: GraphQLSchema, operation: OperationDefinitionNode, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const defs = (operation.variableDefinitions ?? []).map((d) => {
    const type = typeFromAST(schema, d.type as never) as GraphQLInputType | undefined;
    if (!type) throw new Error(`${operation.name?.value}: $${d.variable.name.value} has a type the schema does not know`);
    return { name: d.variable.name.value, type };
  });
  const variables = (mode: Mode, bad?: string) => fc.record(Object.fromEntries(defs.map(({ name, type }) => [
    name, name === bad ? faulty(type, name, pools) : inputValue(type, name, pools, mode),
  ]))).map(defined);
  return fc.oneof(
    { weight: 2, arbitrary: variables('good') },
    ...(defs.length ? [{ weight: 5, arbitrary: fc.oneof(...defs.map(({ name }) => variables('good', name))) }] : []),
    { weight: 1, arbitrary: variables('mixed') },
    { weight: 1, arbitrary: variables('wild') },
    { weight: 1, arbitrary: variables('loose') },
  );
}

/** JSON with long strings cut down to a prefix and their length, so a counterexample stays readable. */
export function abbreviate(value: unknown, longest = 48): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v !== 'string') return v;
    if (v.length > longest) return `${v.slice(0, 24)}…(${v.length} chars)`;
    // Ids and cursors are base64url: show what they say too.
    const decoded = /^[A-Za-z0-9_-]{6,}$/.test(v) ? Buffer.from(v, 'base64url').toString('utf8') : '';
    return /^[\x20-\x7e]+$/.test(decoded) ? `${v} = ${decoded}` : v;
  });
}

/** Every string in a value, however deep; object keys too when `keys`. */
export function stringsIn(value: unknown, keys = false): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => stringsIn(v, keys));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(keys ? [k] : []), ...stringsIn(v, keys)]);
  return [];
}
