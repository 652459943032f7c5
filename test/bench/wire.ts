import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that counts the statements a server
 * sends, read off the wire protocol: a simple query ('Q') or an extended-
 * protocol Execute ('E') is one statement. Both servers of a benchmark talk to
 * the database through one of these, so "statements per request" is measured
 * the same way for both, whatever their drivers and pools.
 */
export class StatementCounter {
  /** Statements seen so far on every connection. */
  statements = 0;
  /** Bytes the database has sent so far on every connection (rows, mostly). */
  bytesFromDatabase = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.pipe(client));
  }

  /** A proxy for the database at `databaseUrl`; `url` is the same database through the proxy. */
  static async start(databaseUrl: string): Promise<{ counter: StatementCounter; url: string }> {
    const target = new URL(databaseUrl);
    const counter = new StatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    const proxied = new URL(databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String((counter.server.address() as net.AddressInfo).port);
    return { counter, url: proxied.toString() };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.target);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => { client.destroy(); upstream.destroy(); });
    }
    upstream.on('data', (chunk: Buffer) => { this.bytesFromDatabase += chunk.length; });
    upstream.pipe(client);
    let buffer: Buffer = Buffer.alloc(0);
    // The first message (startup, or an SSL request before it) has no type byte.
    let untyped = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (untyped) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          // 80877103 asks for SSL and is followed by the real startup message.
          untyped = buffer.readInt32BE(4) === 80877103;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) break;
        const type = buffer[0];
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) this.statements++;
        buffer = buffer.subarray(length);
      }
    });
    client.on('end', () => upstream.end());
  }
}
