/**
 * `npm run contract:manifest [-- <file>]`: writes a trusted-documents
 * manifest (`{ "<sha256>": "<document>" }`) of every operation in
 * contract/operations.graphql, by default to contract/persisted-documents.json.
 * Start the server with TRUSTED_DOCUMENTS=<file> to run those operations and
 * nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { manifestFor } from '../src/documents';

const source = path.join(PROJECT_ROOT, 'contract/operations.graphql');
const target = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'contract/persisted-documents.json'));
const manifest = manifestFor(fs.readFileSync(source, 'utf8'));
fs.writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
process.stderr.write(`${Object.keys(manifest).length} operations from ${path.relative(process.cwd(), source)} → ${path.relative(process.cwd(), target) || target}\n`);
