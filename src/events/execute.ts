import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context';
import type { Delivery } from './subscriptions';

/**
 * graphql-ws's `subscribe`, sharing work between subscribers. Subscribers
 * whose document, variables and rights are the same get the same result for
 * the same event, so each such result is computed once per event and handed
 * to all of them: a district dashboard opened a thousand times costs one
 * execution per event, not a thousand. Whether a subscriber receives an event
 * at all is still decided per subscriber, before this point.
 */
export async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
  const source = stream as AsyncIterableIterator<unknown>;
  const key = (args.contextValue as Context).shareKey;
  const run = (payload: unknown) => execute({ ...args, rootValue: payload }) as ExecutionResult | Promise<ExecutionResult>;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const item = await source.next();
      if (item.done) return { value: undefined, done: true };
      const delivery = item.value as Delivery;
      if (!key || !delivery?.loaders) return { value: await run(item.value), done: false };
      // The delivery's loaders belong to one batch of log rows: results live exactly as long as that batch.
      let results = shared.get(delivery.loaders);
      if (!results) shared.set(delivery.loaders, (results = new Map()));
      const slot = `${key}\u0000${delivery.row.id}`;
      let result = results.get(slot);
      if (!result) results.set(slot, (result = Promise.resolve(run(item.value))));
      return { value: await result, done: false };
    },
    // Completing the operation must reach the source: that is what unsubscribes from the bus.
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const shared = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
