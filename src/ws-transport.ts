import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { CloseCode, MessageType, handleProtocols, makeServer, stringifyMessage, type ServerOptions } from 'graphql-ws';
import type { Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from './logger';
import { closeReason } from './ws-limits';

/** What every graphql-ws hook gets as `ctx.extra`: the socket and the peer's address, not the whole upgrade request. */
export interface SocketExtra {
  socket: WebSocket;
  /** The peer's address (behind a proxy, the proxy's). */
  ip: string | undefined;
}

/**
 * graphql-ws on a `ws` server, as graphql-ws's own `useServer` (graphql-ws/use/ws)
 * does it, with what many subscribers on one instance need:
 *
 * - A `next` payload is serialised once per result object, not once per
 *   socket. Subscribers that share an execution get the very same result
 *   object (src/events/execute.ts), so one event for ten thousand dashboards
 *   is one JSON.stringify, and its frame for an operation id is built once
 *   (most clients number their first operation "1").
 * - One keep-alive round pings every socket and drops those that did not
 *   answer the previous round, instead of an interval and a timeout per socket.
 * - A connection keeps its socket and the peer's address, not the upgrade request.
 * - Live events skip graphql-ws altogether (`sendNext`): the audience's
 *   fan-out writes each subscriber's frame straight to its socket, in one
 *   write, with the frame's bytes shared by every subscriber of the same
 *   result and operation id (src/events/subscriptions.ts). graphql-ws still
 *   runs each operation's start, replay, errors and end.
 *
 * How the shared payload gets past graphql-ws: its `onNext` hook may replace
 * a result, and it then sends `{"id":…,"type":"next","payload":<replacement>}`
 * through the socket this adapter gives it. The hook hands graphql-ws an empty
 * placeholder and keeps the real result under the exact text graphql-ws will
 * send for it (made with graphql-ws's own `stringifyMessage`); `send` finds
 * that text and sends the real result's frame instead. Every
 * `next` goes through the hook, so every placeholder is found.
 */
export function serveGraphqlWs<P extends { [key: string]: unknown } | undefined, E extends SocketExtra>(
  options: ServerOptions<P, E>,
  wsServer: WebSocketServer,
  { keepAliveMs, production, logger, extra }: { keepAliveMs: number; production: boolean; logger: Logger; extra: (socket: WebSocket, ip: string | undefined) => E },
): { dispose(): Promise<void>; sendNext(socket: WebSocket, id: string, result: ExecutionResult | FormattedExecutionResult, sent: () => void): void } {
  const onNext = options.onNext;
  /** Per connection (its `extra`): results waiting for graphql-ws to send their placeholder, with their operation id, by the placeholder's exact text. */
  const held = new WeakMap<E, Map<string, { result: ExecutionResult | FormattedExecutionResult; id: string }>>();
  const server = makeServer<P, E>({
    ...options,
    onNext: async (ctx, id, payload, args, result) => {
      const replaced = (await onNext?.(ctx, id, payload, args, result)) ?? result;
      let waiting = held.get(ctx.extra);
      if (!waiting) held.set(ctx.extra, (waiting = new Map()));
      waiting.set(stringifyMessage({ id, type: MessageType.Next, payload: PLACEHOLDER }), { result: replaced, id });
      return PLACEHOLDER;
    },
  });
  wsServer.options.handleProtocols = handleProtocols;

  const unanswered = new Set<WebSocket>();
  function answered(this: WebSocket): void {
    unanswered.delete(this);
  }
  const keepAlive = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, keepAliveMs);
  keepAlive.unref();

  const internalError = (error: unknown) => (production ? 'Internal server error' : closeReason(error instanceof Error ? error.message : String(error)));
  wsServer.once('error', (error) => {
    logger.error({ err: error, transport: 'websocket' }, 'the WebSocket server failed');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, internalError(error));
  });

  wsServer.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      logger.error({ err: error, transport: 'websocket' }, 'a WebSocket failed');
      socket.close(CloseCode.InternalServerError, internalError(error));
    });
    socket.on('pong', answered);
    const connection = extra(socket, request.socket.remoteAddress);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          let frame: string | Buffer = data;
          const waiting = held.get(connection);
          const next = waiting?.get(data);
          if (next) {
            waiting!.delete(data);
            const wire = wireFrameOf(next.result, next.id);
            frame = wire.bytes.subarray(wire.head);
          }
          if (socket.readyState !== socket.OPEN) return;
          return new Promise<void>((resolve, reject) => socket.send(frame, { binary: false }, (error) => (error ? reject(error) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        // Not an async listener: graphql-ws keeps handling a `subscribe` for as long as the operation runs, and the
        // listener's frame would keep the message's bytes that long.
        onMessage: (handle) => socket.on('message', (data) => {
          handle(String(data)).catch((error: unknown) => {
            logger.error({ err: error, transport: 'websocket' }, 'handling a WebSocket message failed');
            socket.close(CloseCode.InternalServerError, internalError(error));
          });
        }),
      },
      connection,
    );
    socket.once('close', (code, reason) => {
      unanswered.delete(socket);
      void closed(code, String(reason));
    });
  });

  return {
    /**
     * A `next` for operation `id` written straight to the socket, past
     * graphql-ws: live events of many subscribers (src/events/subscriptions.ts).
     * The frame is the one graphql-ws would send; subscribers that share a
     * result and an operation id (most clients number their first operation
     * "1") share its bytes.
     */
    sendNext: (socket, id, result, sent) => {
      const frame = wireFrameOf(result, id);
      // The frame goes to the TCP socket in one write when ws has nothing of its own waiting to go out and no extension
      // (compression) is in use, that is when ws itself would write it at once; otherwise through ws.
      const ws = socket as unknown as { _socket?: Socket; _sender?: { _queue?: unknown[] } };
      if (socket.readyState === socket.OPEN && socket.extensions === '' && ws._socket && ws._sender?._queue?.length === 0) ws._socket.write(frame.bytes, sent);
      else socket.send(frame.bytes.subarray(frame.head), { binary: false }, sent);
    },
    dispose: async () => {
      clearInterval(keepAlive);
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** What graphql-ws sends in place of a payload this adapter sends itself. */
const PLACEHOLDER: ExecutionResult = Object.freeze({});
/** The end of a placeholder frame: `{"id":…,"type":"next","payload":{}}`. */
const PLACEHOLDER_END = '{}}';

/** A WebSocket frame as it goes on the wire: `head` bytes of frame header, then the message. */
interface WireFrame {
  bytes: Buffer;
  head: number;
}

/** Each result object's payload bytes, made on first use and shared by every socket it goes to, with its frames by operation id. */
const payloads = new WeakMap<object, { bytes: Buffer; frames?: Map<string, WireFrame> }>();
/** Frames kept per result: operation ids are the client's to choose, and most share a few. */
const MAX_FRAMES = 32;

function payloadOf(result: ExecutionResult | FormattedExecutionResult): { bytes: Buffer; frames?: Map<string, WireFrame> } {
  let payload = payloads.get(result);
  if (!payload) payloads.set(result, (payload = { bytes: Buffer.from(JSON.stringify(result)) }));
  return payload;
}

/**
 * The `next` message of `result` for operation `id` (the message graphql-ws
 * would send) as one unmasked, final text frame (RFC 6455 §5.2: what a server
 * sends without extensions).
 */
function wireFrameOf(result: ExecutionResult | FormattedExecutionResult, id: string): WireFrame {
  const payload = payloadOf(result);
  let frame = payload.frames?.get(id);
  if (frame) return frame;
  const head = stringifyMessage({ id, type: MessageType.Next, payload: PLACEHOLDER }).slice(0, -PLACEHOLDER_END.length);
  const length = Buffer.byteLength(head) + payload.bytes.length + 1;
  const headerBytes = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const bytes = Buffer.allocUnsafe(headerBytes + length);
  bytes[0] = 0x81; // FIN, text
  if (length < 126) bytes[1] = length;
  else if (length < 65536) {
    bytes[1] = 126;
    bytes.writeUInt16BE(length, 2);
  } else {
    bytes[1] = 127;
    bytes.writeBigUInt64BE(BigInt(length), 2);
  }
  const at = headerBytes + bytes.write(head, headerBytes);
  payload.bytes.copy(bytes, at);
  bytes[bytes.length - 1] = 0x7d; // }
  frame = { bytes, head: headerBytes };
  payload.frames ??= new Map();
  if (payload.frames.size < MAX_FRAMES) payload.frames.set(id, frame);
  return frame;
}


