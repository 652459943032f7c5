import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { eventContext, forgetReads, type Context } from '../context';
import { LiveSubscription, type Delivery, type DirectSink } from './subscriptions';

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
  forgetReads(args.contextValue as Context);
  if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
  const results = new SharedResults(stream as AsyncIterableIterator<unknown>, args);
  // Over WebSocket, live events go straight from the audience's fan-out to the socket (subscriptions.ts).
  if (stream instanceof LiveSubscription && (args.contextValue as Context).live) stream.sink = results;
  return results;
}

/** One subscriber's results: methods, not closures, since ten thousand of these may sit idle. */
class SharedResults implements AsyncIterableIterator<ExecutionResult>, DirectSink {
  constructor(private readonly source: AsyncIterableIterator<unknown>, private readonly args: ExecutionArgs) {}

  get shareKey(): string | undefined {
    return (this.args.contextValue as Context).shareKey;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const item = await this.source.next();
    if (item.done) return { value: undefined, done: true };
    return { value: await this.result(item.value as Delivery), done: false };
  }

  result(delivery: Delivery): Promise<ExecutionResult> {
    const key = this.shareKey;
    if (!key) return Promise.resolve(this.run(delivery));
    // A delivery is one row for one audience; its results live exactly as long as it does.
    let results = shared.get(delivery);
    if (!results) shared.set(delivery, (results = new Map()));
    let result = results.get(key);
    if (!result) results.set(key, (result = Promise.resolve(this.run(delivery))));
    return result;
  }

  send(result: ExecutionResult, sent: () => void): void {
    (this.args.contextValue as Context).live!(result, sent);
  }

  // Completing the operation must reach the source: that is what unsubscribes from the bus.
  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private run(delivery: Delivery): ExecutionResult | Promise<ExecutionResult> {
    const contextValue = eventContext(this.args.contextValue as Context, delivery.em, delivery.loaders);
    return execute({ ...this.args, contextValue, rootValue: delivery }) as ExecutionResult | Promise<ExecutionResult>;
  }
}

const shared = new WeakMap<Delivery, Map<string, Promise<ExecutionResult>>>();
