import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Utils, type EntityMetadata, type EntityName } from '@mikro-orm/core';
import { mappedColumns, mapRows } from './db/rows';
import { singleKey } from './db/statements';
import {
  Booking, BookingChange, Building, CareEvent, CarePlan, CareVisit, Community, CommunityEvent, CommunityEventChange, Dispatch, DispatchEvent, Drill,
  EventRegistration, Grid, Household, LiaisonMeeting, PatrolCheckpoint, PatrolRoute, PatrolRun, PublicSpace, ReceptionMember, Resident, ResidentGroup,
  ResidentOrganisation, Staff, Ticket, TicketEvent,
} from './entities';
import { STAFF_ROLES } from './auth';
import { countedCondition, rowCondition, tallyCondition } from './access/rows';
import type { Viewer } from './access/viewer';
import { NOTHING, type NestedList, type Prefetch } from './prefetch';
import type { ColumnPlan } from './columns';
import type { ChildrenList } from './lists';
import {
  allOf, intArray, keysetSql, pageRequest, textArray, toConnection,
  type ColumnKind, type Condition, type Connection, type ListSpec, type Now, type PageArgs, type PageRequest, type Tally,
} from './services/paging';

type WithId = { id: number };
type RawRow = Record<string, unknown>;
/** The column names of rows read as JSON arrays, in the order of their values. */
type Shape = readonly string[];

/**
 * PostgreSQL's limit on a function's arguments (json_build_array's values):
 * a wider row is read as a JSON object with its column names.
 */
const MAX_ARGUMENTS = 100;

/**
 * The columns `shape` of the row on `alias` as one JSON value. An array of the
 * values in shape's order, not an object with the column names: relations and
 * nested lists are most of what a statement sends, and the names were most of
 * their bytes (three times the values for a building).
 */
function jsonRow(alias: string, shape: Shape): string {
  return shape.length <= MAX_ARGUMENTS ? `json_build_array(${shape.map((column) => `${alias}."${column}"`).join(', ')})` : `row_to_json(${alias})`;
}

/** A row read by `jsonRow`, with its column names. */
function fromJson(shape: Shape, value: unknown): RawRow {
  if (!Array.isArray(value)) return value as RawRow;
  const row: RawRow = {};
  for (let i = 0; i < shape.length; i++) row[shape[i]] = value[i];
  return row;
}

/** A statement run for a batch of keys (parent or row ids), bound as one array value. */
interface Batched {
  sql: string;
  /** The bindings of placeholders before the batch's (columns read beside each row). */
  leading?: readonly unknown[];
  /** The bindings after the batch. */
  bindings: readonly unknown[];
}

/**
 * What the loaders write for one viewer and one column plan, kept across
 * requests. A statement's text and bindings follow from the viewer (its
 * access rules), the operation's column plan, the prefetch (one object per
 * argument values, prefetch.ts) and what the loader reads by; viewers are
 * kept per token and plans per operation, so a request repeating an
 * operation with the same arguments and token writes no statement.
 */
class Written {
  /** Statements by prefetch, then by what the loader reads by (`byIdWith:Ticket`). */
  readonly statements = new WeakMap<Prefetch, Map<string, Batched>>();
  /** The shape of the items of each nested list read as JSON, kept when its statement is written (extras). */
  readonly listShapes = new WeakMap<NestedList, Shape>();
  /** The shape of related rows read as JSON, by entity (every relation to it reads the same columns). */
  readonly relationShapes = new Map<string, Shape>();
}

/** By viewer, then by column plan (WHOLE_ROWS for none). */
const written = new WeakMap<Viewer, WeakMap<object, Written>>();
const WHOLE_ROWS = {};

function writtenFor(viewer: Viewer, columns: ColumnPlan | null | undefined): Written {
  let byPlan = written.get(viewer);
  if (!byPlan) written.set(viewer, (byPlan = new WeakMap()));
  const plan = columns ?? WHOLE_ROWS;
  let store = byPlan.get(plan);
  if (!store) byPlan.set(plan, (store = new Written()));
  return store;
}

/** A statement's batching key (its text and every binding but the batch's) and its scalar form for one key, by statement. */
const batchKeys = new WeakMap<Batched, string>();
const singleForms = new WeakMap<Batched, string | null>();

/**
 * What a statement reads beside each row of a FROM item (Loaders.extras):
 * columns for its select list (`sql`, whose placeholders come first) and
 * joins to follow the FROM item (`joins`, whose placeholders come after it).
 */
interface Extras {
  sql: string;
  bindings: unknown[];
  /** The names of the columns `sql` adds, in order. */
  names: string[];
  joins: string;
  joinBindings: unknown[];
}

/** True when a prefetch adds nothing to a row's statement. */
function readsAlone(prefetch: Prefetch): boolean {
  return prefetch.relations.length === 0 && prefetch.counts.length === 0 && prefetch.lists.length === 0;
}

/**
 * What a count of a nested list is over: a list's rows without their order.
 * A kept count (`tally`) is read instead of counting when the counted table's
 * rule for the viewer tests only the tally's keys; any other rule counts the rows.
 */
export type CountSpec = Pick<ListSpec<any>, 'entity' | 'parentColumn' | 'where' | 'tally'>;

/**
 * The per-request data layer. Every row the API reads comes through here, and
 * every statement built here carries the table's access rule for this viewer
 * (src/access/rows.ts): a row outside the viewer's estates is never read, so
 * it never reaches a resolver, whatever path a query takes.
 *
 * Batching: identical statements for different parents are one statement for
 * all of them (DataLoader). A batch is keyed by the statement itself (its text
 * and every binding except the batched ids), never by a name a caller picks,
 * so two lists can share a batch only when they would have sent the same SQL.
 * Created fresh for every request and every subscription event.
 */
export class Loaders {
  private readonly batches = new Map<string, DataLoader<any, any>>();
  /**
   * The loaders already made for an entity, a list or a page, by the objects
   * that define them: a resolver called for each of a page's rows finds its
   * loader without building its statement again (the statement is what keys
   * `batches`; these only save the work of writing it).
   */
  private readonly byIds = new Map<EntityName<any>, DataLoader<number, any>>();
  private readonly childLists = new Map<ChildrenList, Map<Prefetch, DataLoader<number, any[]>>>();
  private readonly pages = new Map<ListSpec<any>, Map<Prefetch, Map<string, { loader: DataLoader<number, Connection<any>> } | null>>>();
  /** Statements kept across requests for this viewer and column plan. */
  private readonly written: Written;
  /** What statements read beside their rows, by the loader it was primed into: `now` answers it without a promise. */
  private readonly primedValues = new WeakMap<DataLoader<any, any>, Map<unknown, unknown>>();

  /**
   * `em`: where the statements go (an EntityManager, or only its `execute` and metadata).
   * `columns`: the columns the operation reads of each entity (columns.ts); whole rows of the others.
   */
  constructor(
    private readonly em: Pick<EntityManager, 'execute' | 'getMetadata'>, readonly viewer: Viewer, private readonly columns?: ColumnPlan | null,
  ) {
    this.written = writtenFor(viewer, columns);
  }

  /**
   * `loader.load(key)`, or the value itself when a statement already read it
   * beside its parent rows (prefetch.ts): a resolver that answers a value
   * costs the executor no promise and no microtask, and most fields of a
   * nested list are answered that way.
   */
  now<K, V>(loader: DataLoader<K, V>, key: K): Now<V> {
    const values = this.primedValues.get(loader);
    return values?.has(key) ? values.get(key) as V : loader.load(key);
  }

  /** `loader.prime`, remembered for `now`; a key already primed keeps its value (as DataLoader's own cache does). */
  private primeNow<K, V>(loader: DataLoader<K, V>, key: K, value: V): void {
    let values = this.primedValues.get(loader);
    if (!values) this.primedValues.set(loader, (values = new Map()));
    if (values.has(key)) return;
    values.set(key, value);
    loader.prime(key, value);
  }

  get community() { return this.byId(Community); }
  get building() { return this.byId(Building); }
  get household() { return this.byId(Household); }
  get resident() { return this.byId(Resident); }
  get grid() { return this.byId(Grid); }
  get staff() { return this.byId(Staff); }
  get publicSpace() { return this.byId(PublicSpace); }
  get ticket() { return this.byId(Ticket); }
  get ticketEvent() { return this.byId(TicketEvent); }
  get dispatch() { return this.byId(Dispatch); }
  get dispatchEvent() { return this.byId(DispatchEvent); }
  get booking() { return this.byId(Booking); }
  get bookingChange() { return this.byId(BookingChange); }
  get residentGroup() { return this.byId(ResidentGroup); }
  get communityEvent() { return this.byId(CommunityEvent); }
  get eventRegistration() { return this.byId(EventRegistration); }
  get communityEventChange() { return this.byId(CommunityEventChange); }
  get carePlan() { return this.byId(CarePlan); }
  get careVisit() { return this.byId(CareVisit); }
  get careEvent() { return this.byId(CareEvent); }
  get patrolRoute() { return this.byId(PatrolRoute); }
  get patrolCheckpoint() { return this.byId(PatrolCheckpoint); }
  get patrolRun() { return this.byId(PatrolRun); }
  get drill() { return this.byId(Drill); }
  get residentOrganisation() { return this.byId(ResidentOrganisation); }
  get receptionMember() { return this.byId(ReceptionMember); }
  get liaisonMeeting() { return this.byId(LiaisonMeeting); }

  /** Estates by code (public). */
  get communityByCode(): DataLoader<string, Community | null> {
    return this.batch(this.statement(Community, 'x.code = any(?::text[])', ['code']), textArray, async (codes, rows) => {
      const byCode = this.byColumn<Community>(Community, rows, 'code');
      return codes.map((c) => byCode.get(c) ?? null);
    });
  }

  /** Tickets by their human number, those the viewer may read. */
  get ticketByNumber(): DataLoader<string, Ticket | null> {
    return this.batch(this.statement(Ticket, 'x.number = any(?::text[])', ['number']), textArray, async (numbers, rows) => {
      const byNumber = this.byColumn<Ticket>(Ticket, rows, 'number');
      return numbers.map((n) => byNumber.get(n) ?? null);
    });
  }

  /** The live-stream position of ticket events (null for history that predates the stream). */
  get logIdByTicketEvent(): DataLoader<number, number | null> {
    return this.logIdBy('ticket_event_id');
  }

  /** The live-stream position of dispatch events (null for history that predates the stream). */
  get logIdByDispatchEvent(): DataLoader<number, number | null> {
    return this.logIdBy('dispatch_event_id');
  }

  /** The live-stream position of booking changes (null for history that predates the stream). */
  get logIdByBookingChange(): DataLoader<number, number | null> {
    return this.logIdBy('booking_change_id');
  }

  /** The live-stream position of event and registration changes (null for history that predates the stream). */
  get logIdByCommunityEventChange(): DataLoader<number, number | null> {
    return this.logIdBy('community_event_change_id');
  }

  /** The live-stream position of care events (null for history that predates the stream). */
  get logIdByCareEvent(): DataLoader<number, number | null> {
    return this.logIdBy('care_event_id');
  }

  private logIdBy(column: 'ticket_event_id' | 'dispatch_event_id' | 'booking_change_id' | 'community_event_change_id' | 'care_event_id'): DataLoader<number, number | null> {
    const rule = rowCondition('event_log', this.viewer, 'x');
    const sql = `select x.${column} as event, x.id from event_log x where x.${column} = any(?::bigint[]) and (${rule.sql})`;
    return this.batch({ sql, bindings: rule.bindings }, intArray, async (ids, rows) => {
      const byEvent = new Map(rows.map((r) => [Number(r.event), Number(r.id)]));
      return ids.map((id) => byEvent.get(id) ?? null);
    });
  }

  /** Rows of `entity` by id that the viewer may read; null for the others and for ids that do not exist. */
  byId<T extends WithId>(entity: EntityName<T>): DataLoader<number, T | null> {
    let loader = this.byIds.get(entity);
    if (!loader) {
      loader = this.batch(() => this.statement(entity, 'x.id = any(?::bigint[])'), intArray, async (ids, rows) => {
        const byId = new Map(this.map<T>(entity, rows).map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.byIds.set(entity, loader);
    }
    return loader;
  }

  /**
   * `byId`, reading in the same statement what `prefetch` names under each row
   * (its relations, its nested lists), and priming `byId` with the rows.
   */
  byIdWith<T extends WithId>(entity: EntityName<T>, prefetch: Prefetch): DataLoader<number, T | null> {
    if (readsAlone(prefetch)) return this.byId(entity);
    const statement = this.kept(prefetch, `byIdWith:${Utils.className(entity)}`, () => this.around(this.statement(entity, 'x.id = any(?::bigint[])'), prefetch));
    return this.batch(statement, intArray, async (ids, rows) => {
      const plain = this.byId<T>(entity);
      const byId = new Map(this.map<T>(entity, rows).map((r) => [r.id, r]));
      this.prime(prefetch, rows);
      return ids.map((id) => {
        const row = byId.get(id) ?? null;
        plain.prime(id, row);
        return row;
      });
    });
  }

  /** Estates by code with what `prefetch` names read in the same statement (see byIdWith). */
  communityByCodeWith(prefetch: Prefetch): DataLoader<string, Community | null> {
    if (readsAlone(prefetch)) return this.communityByCode;
    const statement = this.kept(prefetch, 'communityByCodeWith', () => this.around(this.statement(Community, 'x.code = any(?::text[])', ['code']), prefetch));
    return this.batch(statement, textArray, async (codes, rows) => {
      const byCode = this.byColumn<Community>(Community, rows, 'code');
      this.prime(prefetch, rows);
      return codes.map((c) => byCode.get(c) ?? null);
    });
  }

  /** The rows of `list` under one parent (`now`: the rows themselves when its parent's statement read them). */
  listOf<T extends object>(list: ChildrenList<T>, parentId: number, prefetch: Prefetch = NOTHING): Now<T[]> {
    return this.now(this.childrenOf(list, prefetch), parentId);
  }

  /** `children` of a list defined in lists.ts. */
  childrenOf<T extends object>(list: ChildrenList<T>, prefetch: Prefetch = NOTHING): DataLoader<number, T[]> {
    let byPrefetch = this.childLists.get(list);
    if (!byPrefetch) this.childLists.set(list, (byPrefetch = new Map()));
    let loader = byPrefetch.get(prefetch);
    if (!loader) {
      const read = this.childrenRead(list.entity, list.foreignKey, list.orderBy, prefetch);
      byPrefetch.set(prefetch, (loader = this.batch(read.statement, intArray, read.split)));
    }
    return loader as DataLoader<number, T[]>;
  }

  /**
   * Rows of `entity` whose `foreignKey` is one of the keys, each key's rows in
   * `orderBy` order, with the single-row relations `prefetch` names read in
   * the same statement; `where` (on alias `x`) narrows them, e.g. to a time range.
   */
  children<T extends object>(
    entity: EntityName<T>, foreignKey: string, orderBy: Record<string, 'asc' | 'desc'>, prefetch: Prefetch = NOTHING, where?: Condition,
  ): DataLoader<number, T[]> {
    const read = this.childrenRead(entity, foreignKey, orderBy, prefetch, where);
    return this.batch(read.statement(), intArray, read.split);
  }

  /** What `children` runs: its statement, and how the rows split into the keys' lists. */
  private childrenRead<T extends object>(
    entity: EntityName<T>, foreignKey: string, orderBy: Record<string, 'asc' | 'desc'>, prefetch: Prefetch, where?: Condition,
  ): { statement: () => Batched; split: (ids: readonly number[], rows: RawRow[]) => T[][] } {
    const meta = this.meta(entity);
    const column = this.column(meta, foreignKey);
    return {
      statement: () => {
        const order = Object.entries(orderBy).map(([prop, dir]) => `k."${this.column(meta, prop)}" ${dir}`).join(', ');
        const rule = allOf([rowCondition(meta.tableName, this.viewer), where]);
        const extra = this.extras(prefetch, 'k', 1);
        const sql = `select k.*${extra.sql} from (select ${this.projection(meta, this.orderColumns(meta, orderBy))} from "${meta.tableName}" x where x."${column}" = any(?::int[]) and (${rule.sql})) k${extra.joins} order by ${order}`;
        return { sql, leading: extra.bindings, bindings: [...rule.bindings, ...extra.joinBindings] };
      },
      split: (ids, rows) => {
        const grouped = new Map<number, T[]>(ids.map((id) => [id, []]));
        const nodes = this.map<T>(entity, rows);
        this.prime(prefetch, rows);
        rows.forEach((row, i) => grouped.get(Number(row[column]))?.push(nodes[i]));
        return ids.map((id) => grouped.get(id)!);
      },
    };
  }

  /**
   * Size of a nested list for one parent. Every count asked for in the same
   * tick, of whatever list, is one statement.
   */
  count(spec: CountSpec, parentId: number): Promise<number> {
    return this.counts.load({ ...this.countStatement(spec), parentId });
  }

  /** The grouped count of `spec` under the counted table's rule: the key its counts are loaded (and primed) under. */
  private countStatement(spec: CountSpec): { sql: string; bindings: readonly unknown[] } {
    const tallied = this.tallied(spec);
    if (tallied) {
      const { tally, parent, rule } = tallied;
      return {
        sql: `select t."${parent}" as pid, sum(t."${tally.column}")::int as n from "${tally.table}" t where t."${parent}" = any(?::int[]) and (${rule.sql}) group by 1`,
        bindings: rule.bindings,
      };
    }
    const { table, parent, where } = this.counted(spec);
    return { sql: `select x."${parent}" as pid, count(*)::int as n from "${table}" x where x."${parent}" = any(?::int[]) and (${where.sql}) group by 1`, bindings: where.bindings };
  }

  /** What a count of `spec` reads: its table (alias x), the parent column, and the rows it counts (the table's rule and the spec's own condition). */
  private counted(spec: CountSpec): { table: string; parent: string; where: Condition } {
    const table = this.meta(spec.entity).tableName;
    return { table, parent: requireParent(spec), where: allOf([rowCondition(table, this.viewer), spec.where]) };
  }

  /** Counts of any lists for any parents: one UNION ALL of grouped counts per batch. */
  private readonly counts = new DataLoader<{ sql: string; bindings: readonly unknown[]; parentId: number }, number, string>(async (keys) => {
    const groups = new Map<string, { sql: string; bindings: readonly unknown[]; ids: number[] }>();
    for (const k of keys) {
      const group = `${k.sql}\u0000${JSON.stringify(k.bindings)}`;
      const g = groups.get(group) ?? { sql: k.sql, bindings: k.bindings, ids: [] };
      g.ids.push(k.parentId);
      groups.set(group, g);
    }
    const parts = [...groups.values()];
    const sql = parts.map((g, i) => `select ${i} as g, pid, n from (${g.sql}) c${i}`).join(' union all ');
    const rows: RawRow[] = await this.em.execute(sql, parts.flatMap((g) => [intArray(g.ids), ...g.bindings]));
    const counts = new Map(rows.map((r) => [`${r.g}:${r.pid}`, Number(r.n)]));
    const index = new Map(parts.map((g, i) => [g, i]));
    return keys.map((k) => counts.get(`${index.get(groups.get(`${k.sql}\u0000${JSON.stringify(k.bindings)}`)!)}:${k.parentId}`) ?? 0);
  }, { cacheKeyFn: (k) => `${k.sql}\u0000${JSON.stringify(k.bindings)}\u0000${k.parentId}` });

  /**
   * One page of a nested list. The same page of many parents is one statement:
   * a LATERAL join runs the keyset query once per parent, each an index range
   * scan, so the cost follows the page size, not the size of the lists. The
   * relations `prefetch` names are read with the rows, and the list is counted
   * in the same statement when its totalCount is selected.
   */
  childPage<T extends object>(spec: ListSpec<T>, parentId: number, args: PageArgs, prefetch: Prefetch = NOTHING): Now<Connection<T>> {
    const page = this.childPageStatement(spec, args, prefetch);
    if (!page) return this.emptyPage(spec, args, parentId);
    return this.now(page.loader, parentId);
  }

  /** An empty page (`first: 0`): nothing to read but, when asked, the count. */
  private emptyPage<T extends object>(spec: ListSpec<T>, args: PageArgs, parentId: number): Connection<T> {
    const { orderBy, columns } = this.order(spec, this.meta(spec.entity));
    return toConnection(pageRequest(args, columns), orderBy, columns, [], () => [], () => this.count(spec, parentId));
  }

  /** The statement and loader of `childPage`; null for an empty page. Throws BAD_USER_INPUT for arguments that make no page. */
  private childPageStatement<T extends object>(spec: ListSpec<T>, args: PageArgs, prefetch: Prefetch): { loader: DataLoader<number, Connection<T>> } | null {
    let byPrefetch = this.pages.get(spec);
    if (!byPrefetch) this.pages.set(spec, (byPrefetch = new Map()));
    let byArgs = byPrefetch.get(prefetch);
    if (!byArgs) byPrefetch.set(prefetch, (byArgs = new Map()));
    // Only these arguments shape the statement (pageRequest reads nothing else).
    const key = JSON.stringify([args.first, args.after, args.last, args.before]);
    let page = byArgs.get(key);
    if (page === undefined) byArgs.set(key, (page = this.buildChildPage(spec, args, prefetch)));
    return page as { loader: DataLoader<number, Connection<T>> } | null;
  }

  private buildChildPage<T extends object>(spec: ListSpec<T>, args: PageArgs, prefetch: Prefetch): { loader: DataLoader<number, Connection<T>> } | null {
    const meta = this.meta(spec.entity);
    const parent = requireParent(spec);
    const { orderBy, columns } = this.order(spec, meta);
    const request = pageRequest(args, columns);
    const scoped = allOf([rowCondition(meta.tableName, this.viewer), spec.where]);
    if (request.limit === 0) return null;
    const write = (): Batched => {
      const { order, outerOrder, condition } = keysetSql(orderBy, Boolean(spec.descending), request, 'c');
      const where = allOf([scoped, condition]);
      const extra = this.extras(prefetch, 'c', 1);
      // Each parent is counted once, in a materialised step of its own: in the select list the count would run once a row.
      const count = prefetch.count ? this.countUnder(spec, 'u', 'pid') : null;
      const counted = count ? `, ${count.sql}::int as total` : '';
      const sql = `with p as materialized (select u.pid, u.ord${counted} from unnest(?::int[]) with ordinality as u(pid, ord)) `
        + `select p.pid as "__pid"${prefetch.count ? ', p.total as "__total"' : ''}, c.*${extra.sql} from p `
        + `left join lateral (select ${this.projection(meta, orderBy)} from "${meta.tableName}" x where x."${parent}" = p.pid and (${where.sql}) order by ${order} limit ?) c on true${extra.joins} `
        + `order by p.ord, ${outerOrder}`;
      return {
        sql, leading: count?.bindings ?? [], bindings: [...extra.bindings, ...where.bindings, request.limit + 1, ...extra.joinBindings],
      };
    };
    const loader = this.batch(write, intArray, async (ids, rows) => {
      const byParent = new Map<number, RawRow[]>(ids.map((id) => [id, []]));
      const totals = new Map<number, number>();
      for (const row of rows) {
        const pid = Number(row.__pid);
        if (prefetch.count) totals.set(pid, Number(row.__total));
        if (row.id !== null) byParent.get(pid)?.push(row);
      }
      this.prime(prefetch, rows.filter((row) => row.id !== null));
      return ids.map((id) => toConnection(request, orderBy, columns, byParent.get(id)!, (page) => this.map<T>(spec.entity, page),
        () => (totals.has(id) ? Promise.resolve(totals.get(id)!) : this.count(spec, id))));
    });
    return { loader };
  }

  /** One page of a top-level list, in one statement with its relations and, when selected, its count. */
  async page<T extends object>(spec: ListSpec<T>, args: PageArgs, prefetch: Prefetch = NOTHING): Promise<Connection<T>> {
    const meta = this.meta(spec.entity);
    const { orderBy, columns } = this.order(spec, meta);
    const request = pageRequest(args, columns);
    const scoped = allOf([rowCondition(meta.tableName, this.viewer), spec.where]);
    let total: Promise<number> | undefined;
    const count = () => (total ??= this.em.execute(`select count(*)::int as n from "${meta.tableName}" x where ${scoped.sql}`, [...scoped.bindings])
      .then((rows: RawRow[]) => Number(rows[0].n)));
    if (request.limit === 0) return toConnection(request, orderBy, columns, [], () => [], count);
    const { order, outerOrder, condition } = keysetSql(orderBy, Boolean(spec.descending), request, 'c');
    const where = allOf([scoped, condition]);
    const extra = this.extras(prefetch, 'c', 1);
    // Uncorrelated, so it runs once for the statement (an InitPlan), not once a row.
    const counted = prefetch.count ? `, (select count(*) from "${meta.tableName}" x where ${scoped.sql})::int as "__total"` : '';
    const rows: RawRow[] = await this.em.execute(
      `select c.*${extra.sql}${counted} from (select ${this.projection(meta, orderBy)} from "${meta.tableName}" x where ${where.sql} order by ${order} limit ?) c${extra.joins} order by ${outerOrder}`,
      [...extra.bindings, ...(prefetch.count ? scoped.bindings : []), ...where.bindings, request.limit + 1, ...extra.joinBindings]);
    this.prime(prefetch, rows);
    // An empty page has no row to carry the count: then it is counted on its own, if asked.
    if (prefetch.count && rows.length) total = Promise.resolve(Number(rows[0].__total));
    return toConnection(request, orderBy, columns, rows, (page) => this.map<T>(spec.entity, page), count);
  }

  /**
   * Columns that read, beside each row on alias `alias`, what `prefetch`
   * names: each relation's row and each nested list, as JSON, every one under
   * its own table's access rule. `depth` keeps the aliases of nested lists apart.
   */
  private extras(prefetch: Prefetch, alias: string, depth: number): Extras {
    let sql = '';
    const bindings: unknown[] = [];
    const names: string[] = [];
    let joins = '';
    const joinBindings: unknown[] = [];
    prefetch.relations.forEach((relation, i) => {
      // A LEFT JOIN on the related row's key, under its table's rule: PostgreSQL can memoize or hash it, where a
      // subquery in the select list ran once a row (a sequential scan of a small table, each time).
      const meta = this.meta(relation.entity);
      const table = meta.tableName;
      const r = `r${depth}_${i}`;
      const rule = rowCondition(table, this.viewer, r);
      sql += `, case when ${r}.id is null then null else ${jsonRow(r, this.relationShape(meta))} end as "__rel${i}"`;
      joins += ` left join "${table}" ${r} on ${r}.id = ${alias}."${relation.column}" and (${rule.sql})`;
      joinBindings.push(...rule.bindings);
      names.push(`__rel${i}`);
    });
    prefetch.counts.forEach((spec, i) => {
      const count = this.countUnder(spec, alias, 'id');
      sql += `, ${count.sql}::int as "__count${i}"`;
      bindings.push(...count.bindings);
      names.push(`__count${i}`);
    });
    prefetch.lists.forEach((list, i) => {
      const column = this.listColumn(list, alias, depth);
      if (!column) return;
      sql += `, ${column.sql} as "__list${i}"`;
      bindings.push(...column.bindings);
      names.push(`__list${i}`);
      this.written.listShapes.set(list, column.shape);
    });
    return { sql, bindings, names, joins, joinBindings };
  }

  /**
   * One nested list of the row on alias `parent` as a JSON value: for a page,
   * `{ rows, total? }` with one row more than asked for, exactly the rows (and
   * count) `childPage` would read; for a plain list, the array `children`
   * would read. Null when the arguments make no page: the resolver reads it
   * and reports them.
   */
  private listColumn(list: NestedList, parent: string, depth: number): { sql: string; bindings: unknown[]; shape: Shape } | null {
    const [k, c] = [`k${depth}`, `c${depth}`];
    const inner = this.extras(list.prefetch, k, depth + 1);
    if (list.def.kind === 'children') {
      const { entity, foreignKey, orderBy } = list.def.list;
      const meta = this.meta(entity);
      const rule = rowCondition(meta.tableName, this.viewer);
      const order = Object.entries(orderBy).map(([prop, dir]) => `${c}."${this.column(meta, prop)}" ${dir}`).join(', ');
      const also = this.orderColumns(meta, orderBy);
      const shape = [...this.jsonShape(meta, also), ...inner.names];
      return {
        sql: `(select coalesce(json_agg(${jsonRow(c, shape)} order by ${order}), '[]'::json) from (select ${k}.*${inner.sql} from `
          + `(select ${this.projection(meta, also)} from "${meta.tableName}" x `
          + `where x."${this.column(meta, foreignKey)}" = ${parent}."id" and (${rule.sql})) ${k}${inner.joins}) ${c})`,
        bindings: [...inner.bindings, ...rule.bindings, ...inner.joinBindings],
        shape,
      };
    }
    const { spec } = list.def;
    const meta = this.meta(spec.entity);
    const { orderBy, columns } = this.order(spec, meta);
    let request: PageRequest;
    try {
      request = pageRequest(list.args, columns);
    } catch {
      return null;
    }
    if (request.limit === 0) return null;
    const scoped = allOf([rowCondition(meta.tableName, this.viewer), spec.where]);
    const { order, outerOrder, condition } = keysetSql(orderBy, Boolean(spec.descending), request, c);
    const where = allOf([scoped, condition]);
    const parentColumn = requireParent(spec);
    const count = list.prefetch.count ? this.countUnder(spec, parent, 'id') : null;
    const total = count ? `, 'total', ${count.sql}` : '';
    const shape = [...this.jsonShape(meta, orderBy), ...inner.names];
    return {
      shape,
      sql: `(select json_build_object('rows', coalesce(json_agg(${jsonRow(c, shape)} order by ${outerOrder}), '[]'::json)${total}) from `
        + `(select ${k}.*${inner.sql} from (select ${this.projection(meta, orderBy)} from "${meta.tableName}" x where x."${parentColumn}" = ${parent}."id" and (${where.sql}) `
        + `order by ${order} limit ?) ${k}${inner.joins}) ${c})`,
      bindings: [...(count?.bindings ?? []), ...inner.bindings, ...where.bindings, request.limit + 1, ...inner.joinBindings],
    };
  }

  /**
   * The number of `spec`'s rows under the parent key `${alias}."${key}"`,
   * under the counted table's rule and `where`, as an SQL expression. A kept
   * count is a sum over the parent's tally rows that pass the rule (tallied).
   * Else the rows are counted, and what the rule says of the parent column
   * is tested once on the parent (countedCondition), so a parent outside it
   * counts 0 without a scan. The count's own alias is x (a tally's t), as in
   * countStatement (the rows around it are never aliased x or t).
   */
  private countUnder(spec: CountSpec, alias: string, key: string): Condition {
    const tallied = this.tallied(spec);
    if (tallied) {
      const { tally, parent, rule } = tallied;
      return {
        sql: `coalesce((select sum(t."${tally.column}")::int from "${tally.table}" t where t."${parent}" = ${alias}."${key}" and (${rule.sql})), 0)`,
        bindings: rule.bindings,
      };
    }
    const table = this.meta(spec.entity).tableName;
    const column = requireParent(spec);
    const rule = countedCondition(table, column, this.viewer, alias, key);
    const rows = allOf([rule.rows, spec.where]);
    return {
      sql: `(case when ${rule.parent.sql} then (select count(*) from "${table}" x where x."${column}" = ${alias}."${key}" and (${rows.sql})) else 0 end)`,
      bindings: [...rule.parent.bindings, ...rows.bindings],
    };
  }

  /**
   * When `spec`'s count is kept (CountSpec.tally, under the spec's own
   * `where`) and the counted table's rule for this viewer can be tested on
   * the tally's rows (alias t): the tally, its parent column and that test.
   * Else null: the rows are counted.
   */
  private tallied(spec: CountSpec): { tally: Tally; parent: string; rule: Condition } | null {
    if (!spec.tally || spec.where !== spec.tally.where) return null;
    const parent = requireParent(spec);
    if (spec.tally.keys[0] !== parent) throw new Error(`tally ${spec.tally.table} is not kept by ${parent}`);
    const rule = tallyCondition(this.meta(spec.entity).tableName, spec.tally.keys, this.viewer, 't');
    return rule ? { tally: spec.tally, parent, rule } : null;
  }

  /** The statement `write` writes for `prefetch` and what the loader reads by (`key`), written once for this viewer and column plan. */
  private kept(prefetch: Prefetch, key: string, write: () => Batched): Batched {
    let byKey = this.written.statements.get(prefetch);
    if (!byKey) this.written.statements.set(prefetch, (byKey = new Map()));
    let statement = byKey.get(key);
    if (!statement) byKey.set(key, (statement = write()));
    return statement;
  }

  /** `statement` with `extras` around it: the rows on alias `q`, and what `prefetch` names beside each. */
  private around(statement: Batched, prefetch: Prefetch): Batched {
    const extra = this.extras(prefetch, 'q', 1);
    return {
      sql: `select q.*${extra.sql} from (${statement.sql}) q${extra.joins}`,
      leading: [...extra.bindings, ...(statement.leading ?? [])],
      bindings: [...statement.bindings, ...extra.joinBindings],
    };
  }

  /**
   * Hands what was read beside `rows` to the loaders that would read it:
   * relations to `byId`, nested lists to the `childPage` or `children` loader
   * of the same statement, so their resolvers send none.
   */
  private prime(prefetch: Prefetch, rows: readonly RawRow[]): void {
    prefetch.counts.forEach((spec, i) => {
      const statement = this.countStatement(spec);
      for (const row of rows) this.counts.prime({ ...statement, parentId: Number(row.id) }, Number(row[`__count${i}`]));
    });
    prefetch.relations.forEach((relation, i) => {
      const loader = this.byId<WithId>(relation.entity);
      const shape = this.relationShape(this.meta(relation.entity));
      for (const row of rows) {
        const id = row[relation.column];
        if (id === null || id === undefined) continue;
        const related = row[`__rel${i}`];
        // A row the viewer may not read is primed as null, exactly what its loader would have answered.
        this.primeNow(loader, Number(id), related ? this.map<WithId>(relation.entity, [fromJson(shape, related)])[0] : null);
      }
    });
    prefetch.lists.forEach((list, i) => {
      const key = `__list${i}`;
      const read = rows.filter((row) => row[key] !== undefined && row[key] !== null);
      if (read.length === 0) return;
      const shape = this.written.listShapes.get(list)!;
      const itemsOf = (value: unknown) => (value as unknown[]).map((item) => fromJson(shape, item));
      if (list.def.kind === 'children') {
        const loader = this.childrenOf(list.def.list, list.prefetch);
        for (const row of read) {
          const items = itemsOf(row[key]);
          this.primeNow(loader, Number(row.id), this.map(list.def.list.entity, items));
          this.prime(list.prefetch, items);
        }
        return;
      }
      const { spec } = list.def;
      const page = this.childPageStatement(spec, list.args, list.prefetch);
      if (!page) return;
      const { orderBy, columns } = this.order(spec, this.meta(spec.entity));
      const request = pageRequest(list.args, columns);
      for (const row of read) {
        const parentId = Number(row.id);
        const value = row[key] as { rows: unknown[]; total?: number };
        const items = itemsOf(value.rows);
        this.primeNow(page.loader, parentId, toConnection(request, orderBy, columns, items, (page) => this.map(spec.entity, page),
          () => (value.total !== undefined ? Promise.resolve(Number(value.total)) : this.count(spec, parentId))));
        this.prime(list.prefetch, items);
      }
    });
  }

  /**
   * `select <columns> from <table> x where <condition> and <the table's rule>`
   * with the batch as first binding; `also`: columns the loader itself reads (its key).
   */
  private statement(entity: EntityName<any>, condition: string, also?: readonly string[]): Batched {
    const meta = this.meta(entity);
    const rule = rowCondition(meta.tableName, this.viewer);
    return { sql: `select ${this.projection(meta, also)} from "${meta.tableName}" x where ${condition} and (${rule.sql})`, bindings: rule.bindings };
  }

  /** The columns of `meta`'s rows this operation reads (columns.ts) with `also` (a list's order); null for whole rows. */
  private projected(meta: EntityMetadata, also: readonly string[] = []): string[] | null {
    const read = this.columns?.get(meta.className);
    if (!read) return null;
    const columns = new Set(read.columns);
    for (const column of also) columns.add(column);
    return [...columns];
  }

  /** `projected` on alias x: `x.*` for whole rows. */
  private projection(meta: EntityMetadata, also: readonly string[] = []): string {
    return this.projected(meta, also)?.map((column) => `x."${column}"`).join(', ') ?? 'x.*';
  }

  /** The columns of `meta`'s rows read as JSON: those `projected` names, or every column the rows are mapped from. */
  private jsonShape(meta: EntityMetadata, also: readonly string[] = []): Shape {
    return this.projected(meta, also) ?? [...new Set([...mappedColumns(meta), ...also])];
  }

  /** `jsonShape` of a related row. */
  private relationShape(meta: EntityMetadata): Shape {
    const shapes = this.written.relationShapes;
    let shape = shapes.get(meta.className);
    if (!shape) shapes.set(meta.className, (shape = this.jsonShape(meta)));
    return shape;
  }

  /**
   * The DataLoader for one statement. Given the statement, it is created on
   * first use and keyed by the statement itself. Given a function that writes
   * it, the statement is written only when the loader has keys to load, and
   * the caller keeps the loader: a loader that is only primed (a nested list
   * read with its parent's rows, a relation read beside them) writes none.
   */
  private batch<K, V>(
    statement: Batched | (() => Batched), encode: (keys: readonly K[]) => string, split: (keys: readonly K[], rows: RawRow[]) => Promise<V[]> | V[],
  ): DataLoader<K, V> {
    if (typeof statement === 'function') return this.loader(statement, encode, split);
    let key = batchKeys.get(statement);
    if (key === undefined) batchKeys.set(statement, (key = `${statement.sql}\u0000${JSON.stringify([statement.leading ?? [], statement.bindings])}`));
    let loader = this.batches.get(key) as DataLoader<K, V> | undefined;
    if (!loader) this.batches.set(key, (loader = this.loader(() => statement, encode, split)));
    return loader;
  }

  /** A DataLoader running the statement `write` writes (at its first batch) for its keys. */
  private loader<K, V>(
    write: () => Batched, encode: (keys: readonly K[]) => string, split: (keys: readonly K[], rows: RawRow[]) => Promise<V[]> | V[],
  ): DataLoader<K, V> {
    let statement: Batched | undefined;
    return new DataLoader<K, V>(async (keys) => {
      const { sql, leading = [], bindings } = (statement ??= write());
      // One key, the usual case: the statement's scalar form, which PostgreSQL plans once per connection (see singleKey).
      const one = keys.length === 1 ? singleFormOf(statement) : null;
      const rows = one
        ? await this.em.execute(one, [...leading, keys[0], ...bindings])
        : await this.em.execute(sql, [...leading, encode(keys), ...bindings]);
      return split(keys, rows);
    });
  }

  /** The order a viewer gets for a list, and what its cursor columns hold. */
  private order(spec: ListSpec<any>, meta: EntityMetadata): { orderBy: readonly string[]; columns: ColumnKind[] } {
    const orderBy = spec.staffOrderBy && this.viewer.role && STAFF_ROLES.includes(this.viewer.role) ? spec.staffOrderBy : spec.orderBy;
    return { orderBy, columns: orderBy.map((column) => columnKind(meta, column)) };
  }

  /** Rows mapped, by a key column the loader read beside them (which the operation itself may not read, so the raw rows hold it). */
  private byColumn<T>(entity: EntityName<T>, rows: RawRow[], column: string): Map<unknown, T> {
    const nodes = this.map<T>(entity, rows);
    return new Map(rows.map((row, i) => [row[column], nodes[i]]));
  }

  private map<T>(entity: EntityName<T>, rows: RawRow[]): T[] {
    const name = Utils.className(entity);
    return mapRows<T>(this.em.getMetadata(), name, rows, this.columns?.get(name));
  }

  private meta(entity: EntityName<any>): EntityMetadata {
    return this.em.getMetadata().find(Utils.className(entity))!;
  }

  private column(meta: EntityMetadata, property: string): string {
    return meta.properties[property as never].fieldNames[0];
  }

  /** The columns of an order given by property. */
  private orderColumns(meta: EntityMetadata, orderBy: Record<string, 'asc' | 'desc'>): string[] {
    return Object.keys(orderBy).map((property) => this.column(meta, property));
  }
}

function singleFormOf(statement: Batched): string | null {
  let form = singleForms.get(statement);
  if (form === undefined) singleForms.set(statement, (form = singleKey(statement.sql, statement.leading?.length ?? 0)));
  return form;
}

function requireParent(spec: Pick<ListSpec, 'parentColumn'>): string {
  if (!spec.parentColumn) throw new Error('a nested list needs a parentColumn');
  return spec.parentColumn;
}

const kinds = new WeakMap<EntityMetadata, Map<string, ColumnKind>>();

/** What a column holds, from the ORM's metadata (kept per entity). */
function columnKind(meta: EntityMetadata, column: string): ColumnKind {
  let byColumn = kinds.get(meta);
  if (!byColumn) kinds.set(meta, (byColumn = new Map()));
  let kind = byColumn.get(column);
  if (!kind) {
    const prop = meta.props.find((p) => p.fieldNames?.[0] === column);
    if (!prop) throw new Error(`${meta.className} has no column ${column}`);
    const type = String(prop.columnTypes?.[0] ?? prop.type).toLowerCase();
    if (prop.runtimeType === 'Date') kind = { kind: 'timestamp' };
    else if (/int|serial/.test(type)) {
      const max = /big/.test(type) ? Number.MAX_SAFE_INTEGER : /small/.test(type) ? 32767 : 2147483647;
      kind = { kind: 'int', min: -max - 1, max };
    } else kind = { kind: 'text', maxLength: prop.length ?? 1000 };
    byColumn.set(column, kind);
  }
  return kind;
}
