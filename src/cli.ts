import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ROLES, signToken, type Role } from './auth';
import { ConfigError, loadConfig, parseDuration, type Config } from './config';
import { openDatabase, type DatabaseLocation } from './db/database';
import { migrate, openOrm } from './db/orm';
import { toGlobalId } from './ids';
import { createLogger, type Logger } from './logger';
import { communityCount, seedDemo } from './seed/demo';
import { startServer } from './server';

/** Hard stop if a graceful shutdown hangs: the process must be gone within 10 s. */
const SHUTDOWN_DEADLINE_MS = 9000;

const USAGE = `usage: tsx src/cli.ts <command>
  start     start the server (embedded PostgreSQL and demo data when DATABASE_URL is unset)
  migrate   apply pending migrations
  seed      load the demo data into an empty database
  token     print a JWT: --role ROLE --community CODE [--community CODE...] [--sub ID] [--expires 12h]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'token' && rest.some((arg) => arg === '--help' || arg === '-h')) {
    // Before the configuration is read: help must work whatever the environment holds.
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'start':
      return start(config, logger);
    case 'migrate':
      return withDatabase(config, logger, async (orm) => {
        const applied = await migrate(orm);
        logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
        return 0;
      });
    case 'seed':
      return withDatabase(config, logger, async (orm) => {
        const existing = await communityCount(orm.em.fork());
        if (existing > 0) {
          process.stderr.write(`gridkeeper: refusing to seed: the database already holds ${existing} estate(s); seed loads demo data into an empty database only\n`);
          return 1;
        }
        const summary = await seedDemo(orm.em.fork());
        logger.info({ summary }, 'demo data loaded');
        return 0;
      });
    case 'token':
      return token(config, logger, rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

/** Opens the database (embedded when DATABASE_URL is unset), runs `work`, closes everything. */
async function withDatabase<T>(config: Config, logger: Logger, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.databaseUrl, (m) => logger.debug({ postgres: m }));
  try {
    const orm = await openOrm(db.url, { poolMax: 4 });
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await db.stop();
  }
}

async function start(config: Config, logger: Logger): Promise<number> {
  const db: DatabaseLocation = await openDatabase(config.databaseUrl, (m) => logger.debug({ postgres: m }));
  const orm = await openOrm(db.url);
  if (!config.databaseUrl) {
    // The embedded default is a self-contained development setup: bring it up to date and give it data.
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if ((await communityCount(orm.em.fork())) === 0) {
      logger.info('first start: loading the demo data');
      const summary = await seedDemo(orm.em.fork());
      logger.info({ summary }, 'demo data loaded');
    }
  } else {
    const pending = await orm.getMigrator().getPendingMigrations();
    if (pending.length) logger.warn({ pending: pending.map((m) => m.name) }, 'migrations pending: run `npm run migrate`; /readyz answers 503 until then');
  }
  const server = await startServer({ config, logger, orm });
  logger.info({ url: server.url, embeddedDatabase: !config.databaseUrl }, `gridkeeper listening on ${server.url}`);

  let exiting = false;
  const shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    logger.info({ signal }, 'shutting down');
    // Not unref'd: it also keeps the process alive while shutting down, so a step that waits on nothing the
    // event loop holds cannot end the process silently before 'stopped'; a step that hangs ends it here.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    try {
      await server.stop();
      await orm.close();
      await db.stop();
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return new Promise<number>(() => {}); // runs until a signal
}

const TOKEN_USAGE = `usage: npm run -s token -- --role ROLE --community CODE [options]

Prints a JWT for local use on stdout (a summary goes to stderr), signed with
JWT_SECRET or, outside production when it is unset, the development secret in
.data/dev-jwt-secret that the server uses too.

  --role ROLE         ${ROLES.join(', ')}
  --community CODE    an estate the token covers (e.g. LH); repeat or comma-separate
                      for several; optional for ADMIN (omitted: every estate)
  --sub ID            the subject: a Resident's global ID for RESIDENT, a Staff global
                      ID for STAFF, DISPATCHER and MANAGER, any id otherwise. Default for
                      those four: the estate's first resident, steward, dispatcher or
                      manager in the database (DATABASE_URL, else the embedded one)
  --expires TIME      lifetime: seconds, or 30m, 12h, 7d (default 12h)
  -h, --help          show this help

Use it as "Authorization: Bearer <token>" on HTTP, or as
{"authorization": "Bearer <token>"} in the graphql-ws connection_init payload.

example: npm run -s token -- --role MANAGER --community LH`;

/** Which staff role a token role's default subject is taken from. */
const SUBJECT_ROLE: Partial<Record<Role, string>> = { STAFF: 'STEWARD', DISPATCHER: 'DISPATCHER', MANAGER: 'MANAGER' };

async function token(config: Config, logger: Logger, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      community: { type: 'string', multiple: true },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = values.role?.toUpperCase();
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(`--role must be one of ${ROLES.join(', ')}`);
  }
  const communities = (values.community ?? []).flatMap((c) => c.split(',')).map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (communities.length === 0 && role !== 'ADMIN') throw new ConfigError('--community CODE is required (repeat it for several estates)');
  let sub = values.sub;
  if (!sub) {
    if (role === 'RESIDENT' || SUBJECT_ROLE[role as Role]) {
      // The subject must be a real Resident or Staff of the estate: take the first one.
      sub = await withDatabase(config, logger, async (orm) => {
        const em = orm.em.fork();
        const [row] = role === 'RESIDENT'
          ? await em.execute('select r.id from resident r join community c on c.id = r.community_id where c.code = ? order by r.id limit 1', [communities[0]])
          : await em.execute('select s.id from staff s join community c on c.id = s.community_id where c.code = ? and s.role = ? order by s.id limit 1', [communities[0], SUBJECT_ROLE[role as Role]]);
        if (!row) throw new ConfigError(`no ${role === 'RESIDENT' ? 'resident' : SUBJECT_ROLE[role as Role]!.toLowerCase()} found in estate ${communities[0]}; pass --sub`);
        return toGlobalId(role === 'RESIDENT' ? 'Resident' : 'Staff', row.id as number);
      });
    } else {
      sub = `${role.toLowerCase()}-local`;
    }
  }
  // The server refuses tokens that live longer than TOKEN_MAX_LIFETIME: say so now rather than print one it refuses.
  const lifetime = parseDuration(values.expires, '--expires', 12 * 3600);
  if (lifetime > config.tokenMaxLifetimeSeconds) {
    throw new ConfigError(`--expires ${values.expires} is longer than the server accepts (TOKEN_MAX_LIFETIME: ${config.tokenMaxLifetimeSeconds} s)`);
  }
  const jwt = await signToken({ sub, role: role as Role, ...(communities.length ? { communities } : {}) }, config.jwtSecret, `${lifetime}s`);
  process.stderr.write(`role ${role}, sub ${sub}, estates ${communities.join(',') || 'all'}, expires in ${values.expires}\n`);
  process.stdout.write(`${jwt}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== 'start') process.exit(code);
  },
  (error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`gridkeeper: PORT ${(error as { port?: number }).port} is already in use; set PORT to another port\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gridkeeper: ${(error as Error).message}\n`);
      process.exit(2);
    }
    process.stderr.write(`gridkeeper: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
