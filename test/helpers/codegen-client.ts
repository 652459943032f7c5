import path from 'node:path';
import { generate } from '@graphql-codegen/cli';

/**
 * Generates client types the way a client team would: GraphQL Code Generator
 * introspecting a running server at its URL. Runs as its own node process
 * (`node --import tsx test/helpers/codegen-client.ts <url> <documents> <folder>`)
 * because the generator loads ES modules that Jest's module system cannot.
 *
 * Writes `schema.ts` (plugin `typescript`: every schema type) and
 * `operations.ts` (plugin `typescript-operations`: a result and variables
 * type per operation). Since Code Generator 6, typescript-operations emits
 * the enums and inputs its operations use itself, so the two go to separate
 * files: in one file those would be declared twice.
 */
async function main(): Promise<void> {
  const [url, documents, folder] = process.argv.slice(2);
  if (!url || !documents || !folder) throw new Error('usage: codegen-client.ts <server url> <documents> <output folder>');
  await generate({
    schema: url,
    documents,
    silent: true,
    generates: {
      [path.join(folder, 'schema.ts')]: { plugins: ['typescript'] },
      [path.join(folder, 'operations.ts')]: { plugins: ['typescript-operations'] },
    },
  }, true);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
