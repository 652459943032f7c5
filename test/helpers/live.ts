import { contract } from './client';
import { bearer, connect, type WsConnection } from './ws';

export interface StreamEvent {
  cursor: string;
  type: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  ticket: { id: string; number: string; status: string; priority: string; building: { code: string } | null };
}

export interface Follower {
  events: StreamEvent[];
  errors: unknown[];
  /** Close codes the connection saw. */
  closes: number[];
  /** Resolves once `count` events arrived; rejects after `ms`. */
  waitFor(count: number, ms?: number): Promise<StreamEvent[]>;
  /** Resolves when the subscription ended (completed, errored or closed). */
  ended: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the contract's TicketEvents subscription over a real graphql-ws
 * connection and records everything it receives.
 */
export function follow(wsUrl: string, token: string | null, variables: { filter?: Record<string, unknown>; after?: string | null }, existing?: WsConnection): Follower {
  const conn = existing ?? connect(wsUrl, token ? bearer(token) : undefined);
  const events: StreamEvent[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let end!: () => void;
  const ended = new Promise<void>((r) => (end = r));
  const unsubscribe = conn.client.subscribe({ query: contract('TicketEvents'), variables }, {
    next: (result) => {
      if (result.errors) errors.push(...result.errors);
      if (result.data) events.push((result.data as { ticketEvents: StreamEvent }).ticketEvents);
      for (const w of [...waiters]) if (events.length >= w.count) w.resolve();
    },
    error: (error) => {
      errors.push(error);
      end();
    },
    complete: () => end(),
  });
  return {
    events,
    errors,
    closes: conn.closes,
    ended,
    waitFor: (count, ms = 10_000) => new Promise((resolve, reject) => {
      if (events.length >= count) return resolve(events);
      const timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${count} events, got ${events.length}; errors: ${JSON.stringify(errors).slice(0, 500)}`)), ms);
      waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(events); } });
    }),
    stop: async () => {
      unsubscribe();
      if (!existing) await conn.dispose();
    },
  };
}
