import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/**
 * The instants the API accepts: years 0001 to 9999, what ISO-8601 writes with
 * four digits and PostgreSQL reads back. JavaScript dates reach further (year
 * 0000, six-digit years) and ISO-8601 strings can name days no calendar has
 * (`2025-02-30`); either would reach the database and fail there, so both are
 * refused where they come in: DateTime and Date arguments, and cursors.
 */
export const EARLIEST = new Date('0001-01-01T00:00:00.000Z');
export const LATEST = new Date('9999-12-31T23:59:59.999Z');

/** True for a valid Date between EARLIEST and LATEST. */
export function inRange(date: Date): boolean {
  const t = date.getTime();
  return !Number.isNaN(t) && t >= EARLIEST.getTime() && t <= LATEST.getTime();
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?Z$/;

/**
 * True for an instant as this API writes it in cursors: UTC, up to six
 * fractional digits, a day that exists, within range. `Date.parse` alone is
 * not enough: it takes `2025-02-30` (as March 2) and year 0000.
 */
export function isIsoInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second && inRange(date);
}

/** A graphql-scalars date scalar that also refuses dates outside EARLIEST..LATEST (BAD_USER_INPUT naming the argument). */
function bounded(scalar: GraphQLScalarType, range: string): GraphQLScalarType {
  const check = (value: unknown) => {
    if (value instanceof Date && !inRange(value)) throw new GraphQLError(`${scalar.name} must be between ${range}`);
    return value;
  };
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => check(config.parseValue!(value)),
    parseLiteral: (ast: ValueNode, variables) => check(config.parseLiteral!(ast, variables)),
  });
}

/** `DateTime`: an ISO-8601 instant with a time zone, years 0001 to 9999. */
export const DateTimeScalar = bounded(DateTimeResolver, '0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z');
/** `Date`: an ISO-8601 calendar date, years 0001 to 9999. */
export const DateScalar = bounded(DateResolver, '0001-01-01 and 9999-12-31');
