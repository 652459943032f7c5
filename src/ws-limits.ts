import type { WebSocketServer } from 'ws';
import type { Logger } from './logger';

/**
 * Largest WebSocket message read, as for HTTP request bodies (1 MiB). `ws`
 * closes the socket with 1009 (message too big) as soon as a frame announces
 * more, before reading it.
 */
export const WS_MAX_PAYLOAD = 1024 * 1024;

/** Largest `connection_init` payload, as JSON: a bearer token is well under 1 KiB. */
export const MAX_CONNECTION_PARAMS_BYTES = 4 * 1024;

/** Close code for a malformed `connection_init` payload (graphql-ws uses 4400 for bad requests). */
export const BAD_CONNECTION_PARAMS = 4400;

/** The one shape a `connection_init` payload may have. */
const EXPECTED = 'send {"authorization": "Bearer <token>"}';
/** A WebSocket close reason is at most 123 bytes; ours stay below that whatever the client sent. */
const MAX_REASON_BYTES = 120;

/**
 * What is wrong with a graphql-ws `connection_init` payload, or null when it
 * is fine: absent, `{}`, or `{"authorization": "Bearer <token>"}` (`null`
 * counts as no token, as some clients send it when logged out). Anything else
 * would otherwise connect silently as anonymous, e.g. `{"token": "…"}`.
 */
export function connectionParamsProblem(params: unknown): string | null {
  if (params === undefined || params === null) return null;
  if (typeof params !== 'object' || Array.isArray(params)) return `connection_init payload: must be an object; ${EXPECTED}`;
  const size = Buffer.byteLength(JSON.stringify(params));
  if (size > MAX_CONNECTION_PARAMS_BYTES) return `connection_init payload: ${size} bytes, at most ${MAX_CONNECTION_PARAMS_BYTES}`;
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'authorization') return `connection_init payload: unknown key ${JSON.stringify(clip(key, 24))}; ${EXPECTED}`;
    if (value !== null && typeof value !== 'string') return `connection_init payload: "authorization" must be a string; ${EXPECTED}`;
  }
  return null;
}

/**
 * Closes `socket` with 4400 and the reason when the payload is malformed;
 * true when it did. Call first thing in graphql-ws `onConnect` and return
 * false from it then (graphql-ws's own 4403 comes too late to matter).
 */
export function refuseBadConnectionParams(params: unknown, socket: { close(code: number, reason: string): void }): boolean {
  const problem = connectionParamsProblem(params);
  if (problem === null) return false;
  socket.close(BAD_CONNECTION_PARAMS, closeReason(problem));
  return true;
}

/** `text` cut to fit a close frame, never splitting a UTF-8 sequence. */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_REASON_BYTES) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char + '…') > MAX_REASON_BYTES) break;
    out += char;
  }
  return out + '…';
}

function clip(text: string, chars: number): string {
  const codePoints = [...text];
  return codePoints.length <= chars ? text : codePoints.slice(0, chars).join('') + '…';
}

/**
 * `ws` has already closed a socket with 1009 when a message exceeds
 * WS_MAX_PAYLOAD; the 'error' it then emits would reach graphql-ws, which
 * prints it with its stack to stderr for every oversized message. Logs one
 * JSON line instead.
 */
export function quietOversizedMessages(wsServer: WebSocketServer, logger: Logger): void {
  wsServer.on('connection', (socket, request) => {
    // The address, not the request: this closure lives as long as the socket.
    const ip = request.socket.remoteAddress;
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      const code = (args[0] as { code?: string } | undefined)?.code;
      if (event === 'error' && code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        logger.info({ transport: 'websocket', ip, maxPayload: WS_MAX_PAYLOAD }, 'closed a socket that sent an oversized message (1009)');
        return true;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });
}
