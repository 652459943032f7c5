import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { eventContext, forgetReads, type Context } from '../context';
import type { Delivery } from './subscriptions';

/**
 * graphql-ws's `subscribe`, sharing work between subscribers. Subscribers
 * whose document, variables and rights are the same get the same result for
 * the same event, so each such result is computed once per event and handed
 * to all of them: a district dashboard opened a thousand times costs one
 * execution per event, not a thousand (and, being the same object, one
 * serialisation: src/ws-transport.ts). Whether a subscriber receives an event
 * at all is decided per audience before this point (src/events/subscriptions.ts).
 *
 * Each event is resolved with a context of its own: the subscription's viewer
 * with the event's identity map and loaders. The subscription's context keeps
 * nothing it read while setting up.
 */
export async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  const context = args.contextValue as Context;
  forgetReads(context);
  if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
  const source = stream as AsyncIterableIterator<unknown>;
  const key = context.shareKey;
  const run = (delivery: Delivery) =>
    execute({ ...args, contextValue: eventContext(context, delivery.em, delivery.loaders), rootValue: delivery }) as ExecutionResult | Promise<ExecutionResult>;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const item = await source.next();
      if (item.done) return { value: undefined, done: true };
      const delivery = item.value as Delivery;
      if (!key) return { value: await run(delivery), done: false };
      // A delivery is one row for one audience; its results live exactly as long as it does.
      let results = shared.get(delivery);
      if (!results) shared.set(delivery, (results = new Map()));
      let result = results.get(key);
      if (!result) results.set(key, (result = Promise.resolve(run(delivery))));
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

const shared = new WeakMap<Delivery, Map<string, Promise<ExecutionResult>>>();
