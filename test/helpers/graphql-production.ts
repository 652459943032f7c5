/**
 * graphql-js chooses its `instanceOf` when first loaded: outside production
 * it adds a check for a second copy of graphql to every failed `instanceof`,
 * which under the leak hunter's generated documents was a sixth of the test
 * run's time. The tests load it as the server runs in production; the
 * environment is left as Jest set it (Apollo and the server read it too).
 */
const environment = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  require('graphql/jsutils/instanceOf');
} finally {
  process.env.NODE_ENV = environment;
}
