import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { Viewer } from './access/viewer';
import { Loaders } from './loaders';
import { isRead, read } from './db/statements';
import type { EventBus } from './events/bus';
import { DEFAULT_DISPATCH, type DispatchConfig } from './config';

/**
 * Everything a resolver gets: a fresh identity map, fresh loaders and the
 * viewer. One per HTTP request and one per subscription event.
 */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer;
  requestId: string;
  logger: Logger;
  /** SQL statements this context's EntityManager sent (reads; logged per request). */
  statements: { count: number };
  /** The process's event bus, for subscriptions. */
  events?: EventBus;
  /** Over WebSocket: subscriptions with equal keys see equal results and share their execution. */
  shareKey?: string;
  /** Over WebSocket: ends the whole connection (a slow subscriber, an expired token). */
  connection?: { close(code: number, reason: string): void };
  /** Server settings services need (dispatch timing). */
  settings: Readonly<DispatchConfig>;
}

export function createContext(
  root: EntityManager, viewer: Viewer, requestId: string, logger: Logger, events?: EventBus, settings: Readonly<DispatchConfig> = DEFAULT_DISPATCH,
): Context {
  const em = root.fork({ clear: true }) as EntityManager;
  const statements = { count: 0 };
  // Every read of a request goes through its fork's execute: counting here costs nothing per promise,
  // unlike tracking the request through async context.
  // Reads run as prepared statements (src/db/statements.ts); anything else as the ORM sends it.
  const execute = em.execute.bind(em);
  em.execute = ((...args: Parameters<typeof execute>) => {
    statements.count++;
    const [sql, params, method] = args;
    if (typeof sql === 'string' && (method === undefined || method === 'all') && isRead(sql)) return read(em, sql, params ?? []);
    return execute(...args);
  }) as typeof em.execute;
  return { em, loaders: new Loaders(em, viewer), viewer, requestId, logger, events, statements, settings };
}
