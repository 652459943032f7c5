/**
 * PostGraphile 5 with its Amber preset over the benchmark database, on a
 * port: the generic engine gridkeeper is compared with. No authentication:
 * it serves the whole public schema. Run by test/bench/queries.ts with the
 * Node binary under test (on Node 20, polyfill.mjs is loaded first).
 *
 *   node server.mjs <database url> <port>
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const [connectionString, port] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'] })],
  grafserv: { port: Number(port), graphiql: false },
  grafast: { explain: false },
};
const server = createServer();
postgraphile(preset).createServ(grafserv).addTo(server);
server.listen(Number(port), '127.0.0.1');
// Exit on SIGTERM through process.exit, so that a CPU profile (BENCH_PROFILE) is written as the benchmark stops it.
process.on('SIGTERM', () => process.exit(0));
