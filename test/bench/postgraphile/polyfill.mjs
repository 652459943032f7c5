// PostGraphile 5 is written for Node 22: on Node 20 it needs Promise.withResolvers (ES2024), and nothing else.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};
