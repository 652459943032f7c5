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

interface Field {
  column: string;
  name: string;
  reference: boolean;
  bigint: boolean;
  date: boolean;
}

interface PartialRows {
  proto: object;
  /** The fields whose columns were read: the others are not mapped, even when a row carries them (a list's order column). */
  fields: Field[];
}

interface Mapper {
  fields: Field[];
  /** The prototype of full rows: the entity's name, shared by its rows (one shape per entity). */
  proto: object;
  /** Rows read with only some columns, by the columns' key: their prototype and the fields mapped. */
  partial: Map<string, PartialRows>;
}

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
  const proto = Object.freeze(Object.defineProperty({}, ENTITY_NAME, { value: meta.className }));
  return { fields, proto, partial: new Map() };
}

/**
 * The prototype of rows read with only `columns` (src/columns.ts): every
 * property whose column was not read throws when read, so a resolver that
 * needs a column its operation's plan left out fails loudly instead of
 * seeing null (a null could pass for "none" or for a permitted empty value).
 * Setting such a property makes it the row's own. Only the fields of the
 * read columns are mapped: a row may carry more (a list's order columns,
 * for its cursors), which no resolver of the operation reads.
 */
function partialOf(meta: EntityMetadata, mapper: Mapper, columns: ReadonlySet<string>, key: string): PartialRows {
  let partial = mapper.partial.get(key);
  if (partial) return partial;
  const proto = Object.create(mapper.proto) as object;
  for (const f of mapper.fields) {
    if (columns.has(f.column)) continue;
    Object.defineProperty(proto, f.name, {
      get() {
        throw new Error(`${meta.className}.${f.name} (column ${f.column}) was not read for this operation: src/columns.ts must list it`);
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, f.name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  partial = { proto: Object.freeze(proto), fields: mapper.fields.filter((f) => columns.has(f.column)) };
  mapper.partial.set(key, partial);
  return partial;
}

function mapRow(fields: readonly Field[], proto: object, row: Record<string, unknown>): object {
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
}

/**
 * The ORM has the driver hand back timestamps as PostgreSQL text
 * (`2025-03-01 08:30:00.123456+00`), and rows read as JSON (prefetched
 * relations and lists) carry them as `2025-03-01T08:30:00.123456+00:00`;
 * JavaScript wants ISO-8601.
 */
export function parseTimestamp(value: string | Date): Date {
  if (value instanceof Date) return value;
  // Fast path for the UTC session the ORM opens, `YYYY-MM-DD HH:MM:SS[.ffffff]+00` or its JSON form
  // `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`, read digit by digit (a page of tickets has hundreds of these).
  const zone = value.endsWith('+00') ? 3 : value.endsWith('+00:00') ? 6 : 0;
  const end = value.length - zone;
  if (zone && end >= 19 && value[4] === '-' && value[7] === '-' && (value[10] === ' ' || value[10] === 'T') && value[13] === ':' && value[16] === ':'
    && (end === 19 || (value[19] === '.' && end > 20))) {
    const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
    let ms = 0;
    for (let i = 20, scale = 100; i < end && scale >= 1; i++, scale /= 10) ms += digit(value, i) * scale;
    // Date.UTC reads years 0–99 as 1900–1999: those take the slow path.
    const time = year < 100 ? NaN : Date.UTC(
      year, digit(value, 5) * 10 + digit(value, 6) - 1,
      digit(value, 8) * 10 + digit(value, 9), digit(value, 11) * 10 + digit(value, 12), digit(value, 14) * 10 + digit(value, 15),
      digit(value, 17) * 10 + digit(value, 18), ms,
    );
    if (!Number.isNaN(time)) return new Date(time);
  }
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** The decimal digit at `i` (NaN for anything else, which makes the whole time NaN). */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** The columns a row of `meta` is mapped from: what reading a whole row reads. */
export function mappedColumns(meta: EntityMetadata): string[] {
  return mapperOf(meta).fields.map((f) => f.column);
}

function mapperOf(meta: EntityMetadata): Mapper {
  let mapper = mappers.get(meta);
  if (!mapper) mappers.set(meta, (mapper = compile(meta)));
  return mapper;
}

/** The columns rows were read with (src/columns.ts), and a key naming that set. */
export interface ReadColumns {
  columns: ReadonlySet<string>;
  key: string;
}

/**
 * Maps database rows of `entityName` to plain objects shaped like its entity;
 * rows read with only some `columns` get a prototype on which the others throw.
 */
export function mapRows<T>(metadata: MetadataStorage, entityName: string, rows: readonly Record<string, unknown>[], read?: ReadColumns): T[] {
  const meta = metadata.find(entityName);
  if (!meta) throw new Error(`unknown entity ${entityName}`);
  const mapper = mapperOf(meta);
  const { proto, fields } = read ? partialOf(meta, mapper, read.columns, read.key) : mapper;
  return rows.map((row) => mapRow(fields, proto, row)) as T[];
}

/** The entity name of a mapped row or a managed entity. */
export function entityNameOf(value: object): string {
  return (value as Record<symbol, string>)[ENTITY_NAME] ?? wrap(value, true).__meta.className;
}
