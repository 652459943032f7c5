import net from 'node:net';

/** One client connection through the proxy. */
export interface ProxiedConnection {
  /** When the client connected (ms since the epoch). */
  openedAt: number;
  /** The proxy's port towards the server: `client_port` of the PostgreSQL backend; -1 until connected. */
  upstreamPort: number;
  /** Everything forwarded from the server to the client, as latin1 text (protocol bytes, searchable for names). */
  received: string;
  /** Both sockets are gone. */
  closed: boolean;
}

/**
 * A TCP proxy in the test process that can go silent without closing
 * anything: what a NAT or proxy that dropped a connection looks like from
 * both ends.
 */
export interface TcpProxy {
  port: number;
  /** Every connection made through the proxy, in order. */
  connections: ProxiedConnection[];
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /**
   * Stops forwarding on every open connection, either way: both sockets stop
   * reading (so the kernel still acknowledges, but nothing moves) and data
   * already read is held. With `newConnections`, connections accepted from
   * now on are stalled too; otherwise they pass, as after a NAT forgot a mapping.
   */
  stall(options?: { newConnections?: boolean }): void;
  /** Forwards again, held data first. */
  heal(): void;
  /** Closes the listening socket and destroys every connection. */
  close(): Promise<void>;
}

interface Pair {
  info: ProxiedConnection;
  client: net.Socket;
  upstream: net.Socket;
  stalled: boolean;
  held: { to: net.Socket; data: Buffer }[];
}

/** Starts a proxy on 127.0.0.1 (a free port) to `target`. */
export async function startProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const connections: ProxiedConnection[] = [];
  let stallNew = false;

  const deliver = (pair: Pair, to: net.Socket, data: Buffer) => {
    if (to === pair.client) pair.info.received += data.toString('latin1');
    to.write(data);
  };
  const stallPair = (pair: Pair) => {
    pair.stalled = true;
    pair.client.pause();
    pair.upstream.pause();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const info: ProxiedConnection = { openedAt: Date.now(), upstreamPort: -1, received: '', closed: false };
    const pair: Pair = { info, client, upstream, stalled: false, held: [] };
    pairs.add(pair);
    connections.push(info);
    upstream.once('connect', () => (info.upstreamPort = upstream.localPort ?? -1));
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (data) => {
        if (pair.stalled) pair.held.push({ to, data });
        else deliver(pair, to, data);
      });
      from.on('end', () => to.end());
      // A reset or write to a gone peer: the other side goes too.
      from.on('error', () => to.destroy());
      from.on('close', () => {
        to.destroy();
        if (client.destroyed && upstream.destroyed) {
          info.closed = true;
          pairs.delete(pair);
        }
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    if (stallNew) stallPair(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    connections,
    via: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    stall: (options = {}) => {
      stallNew = options.newConnections ?? false;
      for (const pair of pairs) stallPair(pair);
    },
    heal: () => {
      stallNew = false;
      for (const pair of pairs) {
        pair.stalled = false;
        for (const { to, data } of pair.held.splice(0)) deliver(pair, to, data);
        pair.client.resume();
        pair.upstream.resume();
      }
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await closed;
    },
  };
}
