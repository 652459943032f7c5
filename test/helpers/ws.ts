import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * How one operation over graphql-ws ended: a result (data and/or field
 * errors), an `error` message (the server refused the operation before
 * running it), or the socket closing (the connection itself was refused).
 */
export type WsOutcome =
  | { kind: 'result'; data: any; errors?: FormattedExecutionResult['errors'] }
  | { kind: 'refused'; errors: { message: string; extensions?: Record<string, any> }[] }
  | { kind: 'closed'; code: number; reason: string };

export interface WsConnection {
  client: Client;
  /** Close codes the client saw, in order. */
  closes: number[];
  /** How many sockets were acknowledged: 1 when every operation shared one connection. */
  connected(): number;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client. `connectionParams` is sent as the connection_init
 * payload as given (undefined = no payload). No retries: a refused
 * connection must surface as its close code, not be papered over.
 */
export function connect(url: string, connectionParams?: Record<string, unknown>): WsConnection {
  const closes: number[] = [];
  let acks = 0;
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    // One socket from now until dispose: the tests are about what one connection may do over its life.
    lazy: false,
    // A refused connection reaches each operation as its close event; nothing more to report here.
    onNonLazyError: () => {},
    on: {
      connected: () => { acks += 1; },
      closed: (event) => { closes.push((event as { code: number }).code); },
    },
  });
  return { client, closes, connected: () => acks, dispose: async () => { await client.dispose(); } };
}

/** The connection_init payload a client sends with a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs one query over the connection (there is no Subscription type yet) and reports how it ended. */
export function run(conn: WsConnection, query: string, variables?: Record<string, unknown>): Promise<WsOutcome> {
  return new Promise((resolve) => {
    let last: WsOutcome | undefined;
    conn.client.subscribe({ query, variables }, {
      next: (result) => { last = { kind: 'result', data: result.data ?? null, errors: result.errors }; },
      error: (error: unknown) => {
        if (Array.isArray(error)) resolve({ kind: 'refused', errors: error });
        else if (error && typeof error === 'object' && 'code' in error) {
          const { code, reason } = error as { code: number; reason?: string };
          resolve({ kind: 'closed', code, reason: String(reason ?? '') });
        } else resolve({ kind: 'refused', errors: [{ message: String(error) }] });
      },
      complete: () => resolve(last ?? { kind: 'refused', errors: [{ message: 'completed without a result' }] }),
    });
  });
}

/** The `extensions.code` of every field error of a result outcome. */
export function resultCodes(outcome: WsOutcome): unknown[] {
  return outcome.kind === 'result' ? (outcome.errors ?? []).map((e) => e.extensions?.code) : [];
}
