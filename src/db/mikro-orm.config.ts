import path from 'node:path';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../entities';

/** Migrations live at the top of the project; this path works from src/ and from dist/src/. */
export const MIGRATIONS_PATH = path.join(__dirname, '../../migrations');

/**
 * The ORM configuration. `clientUrl` comes from the caller (server, CLI, tests);
 * the MikroORM CLI reads DATABASE_URL when it loads this file directly.
 */
export function ormConfig(clientUrl: string, extra: { poolMax?: number } = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    // Reads happen through request-scoped forks; the global context must never be used.
    allowGlobalContext: false,
    pool: { min: 0, max: extra.poolMax ?? 10 },
    forceUtcTimezone: true,
    // Written by rate-limiter-flexible, not by an entity: a generated migration must not drop it.
    schemaGenerator: { skipTables: ['rate_limit'] },
    migrations: {
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      glob: '!(*.d).{js,ts}',
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
  });
}

export default ormConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/gridkeeper');
