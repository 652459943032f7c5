import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { PROJECT_ROOT } from '../src/config';
import { contract } from './helpers/client';
import { COVERED } from './helpers/coverage';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * What a client team does on day one: point GraphQL Code Generator at a
 * running server (it introspects the schema over HTTP) and generate types for
 * the contract's operations. The result must compile under `strict`.
 */

let t: TestServer;
let dir: string;

beforeAll(async () => {
  t = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridkeeper-codegen-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('generates client types for the covered contract operations from the server URL, and they compile', async () => {
  const documents = path.join(dir, 'operations.graphql');
  fs.writeFileSync(documents, COVERED.map((name) => contract(name)).join('\n\n'));

  // generate() from @graphql-codegen/cli, in a node process of its own (see the helper).
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/helpers/codegen-client.ts', t.url, documents, dir], { cwd: PROJECT_ROOT })
    .catch((error: { stderr?: string }) => { throw new Error(`codegen failed: ${error.stderr ?? String(error)}`); });

  const files = ['schema.ts', 'operations.ts'].map((name) => path.join(dir, name));
  expect(fs.readFileSync(files[0], 'utf8')).toMatch(/^export type Ticket = /m);
  const source = fs.readFileSync(files[1], 'utf8');
  for (const name of COVERED) {
    const kind = contract(name).startsWith('mutation') ? 'Mutation' : contract(name).startsWith('subscription') ? 'Subscription' : 'Query';
    expect(source).toContain(`export type ${name}${kind} = `);
    expect(source).toContain(`export type ${name}${kind}Variables = `);
  }

  const program = ts.createProgram(files, {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
}, 60_000);
