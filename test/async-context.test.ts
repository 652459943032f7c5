import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import { runsInProgress } from '../src/db/async-context';
import { createEstate, type Estate } from './helpers/factories';
import { submitTicket } from './helpers/instances';
import { managerToken, startTestServer, type TestServer } from './helpers/server';

/**
 * The ORM's async contexts run only while a write does (src/db/async-context.ts):
 * writes still see their transaction across awaits, and once the last one has
 * ended no storage is left enabled, so reads pay no promise hooks.
 */

let t: TestServer;
let estate: Estate;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 1 });
  manager = await managerToken(t, estate);
});
afterAll(() => t.close());

/** MikroORM's storage of the current transaction (private in its types). */
const transactions = (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage;

/** Node 20 and 22 mark an enabled storage; where the field does not exist, async context costs no hooks anyway. */
const enabled = (storage: AsyncLocalStorage<unknown>) => (storage as unknown as { enabled?: boolean }).enabled ?? false;

describe('async context', () => {
  it('is off once concurrent writes have ended, and a transaction still finds its EntityManager across awaits', async () => {
    const tickets = await Promise.all(Array.from({ length: 6 }, (_, i) => submitTicket(t.url, manager, { buildingId: estate.gid.building(i % 2) })));
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(6);
    expect(runsInProgress(transactions)).toBe(0);
    expect(enabled(transactions)).toBe(false);

    const seen: unknown[] = [];
    await t.orm.em.fork().transactional(async (em) => {
      expect(runsInProgress(transactions)).toBe(1);
      seen.push(TransactionContext.getEntityManager());
      await em.execute('select pg_sleep(0.05)');
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.push(TransactionContext.getEntityManager());
      expect(seen).toEqual([em, em]);
    });
    expect(runsInProgress(transactions)).toBe(0);
    expect(enabled(transactions)).toBe(false);
  });

  it('keeps a storage of its own on while its run is in progress, and lets the caller see a failure', async () => {
    const storage = new AsyncLocalStorage<string>();
    const inner = storage.run('outer', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      // A nested run ends first: the outer one keeps its store.
      await storage.run('inner', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(storage.getStore()).toBe('inner');
      });
      expect(enabled(storage)).toBe(true);
      return storage.getStore();
    });
    await expect(inner).resolves.toBe('outer');
    expect(enabled(storage)).toBe(false);
    await expect(storage.run('failing', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(runsInProgress(storage)).toBe(0);
    expect(enabled(storage)).toBe(false);
  });
});
