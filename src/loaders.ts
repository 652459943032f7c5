import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Utils, type EntityName } from '@mikro-orm/core';
import { mapRows } from './db/rows';
import { Building, Community, Grid, Household, PublicSpace, Resident, Staff, Ticket, TicketEvent } from './entities';
import {
  countAll, countChildren, fetchChildPages, fetchPage, intArray, textArray,
  type Connection, type ListSpec, type PageArgs, pageRequest,
} from './services/paging';

type WithId = { id: number };

/**
 * The per-request loaders. Every relation the API resolves goes through one of
 * these, so a request issues one statement per relation and level, however
 * many rows it returns. Created fresh for every request and every
 * subscription event: nothing is cached across viewers.
 */
export class Loaders {
  private readonly memo = new Map<string, DataLoader<any, any>>();

  constructor(private readonly em: EntityManager) {}

  readonly community = this.byId(Community);
  readonly building = this.byId(Building);
  readonly household = this.byId(Household);
  readonly resident = this.byId(Resident);
  readonly grid = this.byId(Grid);
  readonly staff = this.byId(Staff);
  readonly publicSpace = this.byId(PublicSpace);
  readonly ticket = this.byId(Ticket);
  readonly ticketEvent = this.byId(TicketEvent);

  /** The live-stream position of ticket events (null for history that predates the stream). */
  readonly logIdByTicketEvent = new DataLoader<number, number | null>(async (ids) => {
    const rows: { ticket_event_id: string; id: string }[] = await this.em.execute(
      'select ticket_event_id, id from event_log where ticket_event_id = any(?::bigint[])', [intArray(ids)],
    );
    const byEvent = new Map(rows.map((r) => [Number(r.ticket_event_id), Number(r.id)]));
    return ids.map((id) => byEvent.get(id) ?? null);
  });

  readonly communityByCode = new DataLoader<string, Community | null>(async (codes) => {
    const rows = await this.select<Community>(Community, 'x.code = any(?::text[])', [textArray(codes)]);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.map((c) => byCode.get(c) ?? null);
  });

  /** Rows of `entity` whose `foreignKey` is one of the keys, each key's rows in `orderBy` order. */
  children<T extends object>(entity: EntityName<T>, foreignKey: string, orderBy: Record<string, 'asc' | 'desc'>): DataLoader<number, T[]> {
    return this.memoised(`children:${Utils.className(entity)}:${foreignKey}`, () => new DataLoader<number, T[]>(async (ids) => {
      const column = this.column(entity, foreignKey);
      const order = Object.entries(orderBy).map(([prop, dir]) => `x."${this.column(entity, prop)}" ${dir}`).join(', ');
      const rows = await this.select<T>(entity, `x."${column}" = any(?::int[])`, [intArray(ids)], order);
      const grouped = new Map<number, T[]>(ids.map((id) => [id, []]));
      for (const row of rows) grouped.get((row as Record<string, WithId>)[foreignKey].id)?.push(row);
      return ids.map((id) => grouped.get(id)!);
    }));
  }

  /** Size of a nested list per parent id. */
  count(spec: Pick<ListSpec, 'table' | 'parentColumn' | 'where'>, name: string): DataLoader<number, number> {
    return this.memoised(`count:${spec.table}:${spec.parentColumn}:${name}`,
      () => new DataLoader<number, number>((ids) => countChildren(this.em, spec, ids)));
  }

  /** One page of a nested list; the same page of many parents is one statement. */
  childPage<T extends object>(spec: ListSpec<T>, name: string, parentId: number, args: PageArgs): Promise<Connection<T>> {
    const request = pageRequest(args, spec as ListSpec<object>);
    const counter = this.count(spec as ListSpec<object>, name);
    const loader = this.memoised(`page:${spec.table}:${name}:${request.key}`, () => new DataLoader<number, Connection<T>>(
      (ids) => fetchChildPages(this.em, spec, request, ids, (id) => () => counter.load(id)),
    ));
    return loader.load(parentId);
  }

  /** One page of a top-level list. */
  page<T extends object>(spec: ListSpec<T>, args: PageArgs): Promise<Connection<T>> {
    const request = pageRequest(args, spec as ListSpec<object>);
    let total: Promise<number> | undefined;
    return fetchPage(this.em, spec, request, () => (total ??= countAll(this.em, spec as ListSpec<object>)));
  }

  private byId<T extends WithId>(entity: EntityName<T>): DataLoader<number, T | null> {
    return new DataLoader<number, T | null>(async (ids) => {
      const rows = await this.select<T>(entity, 'x.id = any(?::bigint[])', [intArray(ids)]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Rows of an entity's table as plain objects shaped like the entity (see db/rows.ts). */
  private async select<T>(entity: EntityName<T>, where: string, bindings: unknown[], orderBy?: string): Promise<T[]> {
    const meta = this.em.getMetadata().find(Utils.className(entity))!;
    const rows = await this.em.execute(`select x.* from "${meta.tableName}" x where ${where}${orderBy ? ` order by ${orderBy}` : ''}`, bindings);
    return mapRows<T>(this.em.getMetadata(), meta.className, rows);
  }

  private column<T>(entity: EntityName<T>, property: string): string {
    return this.em.getMetadata().find(Utils.className(entity))!.properties[property as never].fieldNames[0];
  }

  private memoised<L extends DataLoader<any, any>>(key: string, create: () => L): L {
    let loader = this.memo.get(key) as L | undefined;
    if (!loader) this.memo.set(key, (loader = create()));
    return loader;
  }
}
