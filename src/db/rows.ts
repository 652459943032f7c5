import { ReferenceKind, wrap, type EntityMetadata, type MetadataStorage } from '@mikro-orm/core';

/**
 * Reads skip the ORM's entity factory. Hydrating managed entities (identity
 * map, change-set snapshots, reference propagation) cost about 25 µs a row,
 * several times the query itself, and a read-only request never flushes. Rows
 * are mapped instead to plain objects of the same shape as the entities, by a
 * mapper compiled once per entity from the ORM's own metadata: columns to
 * property names, many-to-one columns to `{ id }` references (the same shape
 * an unloaded entity reference has), int8 to numbers, timestamps to Dates. Writes still go through
 * managed entities; resolvers accept both.
 */

const ENTITY_NAME = Symbol('entity name');

type Mapper = (row: Record<string, unknown>) => object;
const mappers = new WeakMap<EntityMetadata, Mapper>();

function compile(meta: EntityMetadata): Mapper {
  const fields = meta.props
    .filter((p) => p.persist !== false && !p.formula && p.fieldNames?.length === 1 &&
      (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE))
    .map((p) => ({
      column: p.fieldNames[0],
      name: p.name,
      reference: p.kind === ReferenceKind.MANY_TO_ONE,
      bigint: p.customType?.constructor.name === 'BigIntType',
      date: p.runtimeType === 'Date',
    }));
  // The entity's name sits on a prototype shared by its rows, and every row gets its fields in one order: one shape per entity.
  const proto = Object.freeze(Object.defineProperty({}, ENTITY_NAME, { value: meta.className }));
  return (row) => {
    const out: Record<string | symbol, unknown> = Object.create(proto);
    for (const f of fields) {
      const value = row[f.column];
      if (value === undefined) continue;
      out[f.name] = value === null ? null
        : f.reference ? { id: Number(value) }
        : f.bigint ? Number(value)
        : f.date ? parseTimestamp(value as string | Date)
        : value;
    }
    return out;
  };
}

/**
 * The ORM has the driver hand back timestamps as PostgreSQL text
 * (`2025-03-01 08:30:00.123456+00`), and rows read as JSON (prefetched
 * relations and lists) carry them as `2025-03-01T08:30:00.123456+00:00`;
 * JavaScript wants ISO-8601.
 */
function parseTimestamp(value: string | Date): Date {
  if (value instanceof Date) return value;
  // Fast path for the UTC session the ORM opens: `YYYY-MM-DD HH:MM:SS[.ffffff]+00` or its JSON form.
  const zone = value.endsWith('+00') ? 3 : value.endsWith('+00:00') ? 6 : 0;
  if (zone && value.length >= 19 + zone) {
    const n = (from: number, to: number) => Number(value.slice(from, to));
    const ms = value[19] === '.' ? Math.floor(Number(`0${value.slice(19, value.length - zone)}`) * 1000) : 0;
    return new Date(Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), ms));
  }
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** Maps database rows of `entityName` to plain objects shaped like its entity. */
export function mapRows<T>(metadata: MetadataStorage, entityName: string, rows: readonly Record<string, unknown>[]): T[] {
  const meta = metadata.find(entityName);
  if (!meta) throw new Error(`unknown entity ${entityName}`);
  let mapper = mappers.get(meta);
  if (!mapper) mappers.set(meta, (mapper = compile(meta)));
  return rows.map(mapper) as T[];
}

/** The entity name of a mapped row or a managed entity. */
export function entityNameOf(value: object): string {
  return (value as Record<symbol, string>)[ENTITY_NAME] ?? wrap(value, true).__meta.className;
}
