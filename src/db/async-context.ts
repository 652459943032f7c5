import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Async context only while a write needs it.
 *
 * MikroORM keeps the current transaction and the flush in progress in
 * AsyncLocalStorage (its TransactionContext and the unit of work's flush
 * marker). Once a storage has run, Node 20 follows every promise of the
 * process through promise hooks for as long as that storage stays enabled,
 * which is forever: the first write of a process makes every later read pay
 * for hooks on each of its hundreds of promises (measured on the busiest page
 * of tickets: 18% of the server's CPU per request, a fifth of it in garbage).
 *
 * Here every storage that runs is disabled again as soon as no `run` of it is
 * still in progress (its callback returned, or the promise it returned
 * settled); with no storage enabled, Node takes the promise hooks off. A
 * write runs with its context exactly as before; reads between writes run
 * without hooks. `run` turns a storage back on by itself.
 *
 * This holds for storages whose contexts live no longer than the callback
 * passed to `run` (or its promise): MikroORM's do (a transaction, a flush).
 * Nothing else in this server uses AsyncLocalStorage; a library that did, with
 * a context meant to outlive its callback, would lose it here.
 */

/** Runs in progress, per storage. */
const running = new Map<AsyncLocalStorage<unknown>, number>();
let installed = false;

export function quietAsyncContext(): void {
  if (installed) return;
  installed = true;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function <R>(this: AsyncLocalStorage<unknown>, store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    running.set(this, (running.get(this) ?? 0) + 1);
    const ended = () => {
      const left = running.get(this)! - 1;
      if (left > 0) running.set(this, left);
      else {
        running.delete(this);
        this.disable();
      }
    };
    let result: R;
    try {
      result = run.call(this, store, callback, ...args) as R;
    } catch (error) {
      ended();
      throw error;
    }
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      (result as unknown as PromiseLike<unknown>).then(ended, ended);
    } else ended();
    return result;
  } as typeof run;
}

/** How many runs of `storage` are in progress (0: it is disabled). */
export function runsInProgress(storage: AsyncLocalStorage<unknown>): number {
  return running.get(storage) ?? 0;
}
