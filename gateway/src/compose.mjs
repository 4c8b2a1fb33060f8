// Composes supergraph.graphql (repository root) from gateway/subgraphs/<name>.graphql, the SDL each
// subgraph prints with `--print-sdl`. `--check` composes in memory and fails when the checked-in
// file differs, so CI catches a stale supergraph.
//   node src/compose.mjs [--check] [--subgraphs <dir>] [--out <file>]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compose, readSubgraphSdl } from './composition.mjs';

const gatewayDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    subgraphs: { type: 'string', default: path.join(gatewayDir, 'subgraphs') },
    out: { type: 'string', default: path.join(gatewayDir, '..', 'supergraph.graphql') },
  },
});

const subgraphs = await readSubgraphSdl(values.subgraphs);
const existing = await readFile(values.out, 'utf8').catch((error) => {
  if (error.code === 'ENOENT') return null;
  throw error;
});

if (subgraphs.length === 0) {
  // Before the first subgraph exists there is nothing to compose and nothing to be stale.
  if (values.check && existing === null) {
    console.log('compose: no subgraphs yet and no supergraph.graphql; nothing to check.');
    process.exit(0);
  }
  console.error(`compose: no subgraph SDL in ${values.subgraphs} (./shop compose writes it).`);
  process.exit(1);
}

const result = compose(subgraphs);
if (result.errors) {
  console.error(`compose: composition failed (${subgraphs.map((s) => s.name).join(', ')}):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}

const names = subgraphs.map((s) => s.name).join(', ');
if (values.check) {
  if (existing === result.supergraph) {
    console.log(`compose: ${path.basename(values.out)} is current (${names}).`);
    process.exit(0);
  }
  console.error(existing === null
    ? `compose: ${values.out} is missing; run ./shop compose and commit it.`
    : `compose: ${values.out} is stale; run ./shop compose and commit it.`);
  process.exit(1);
}

await writeFile(values.out, result.supergraph);
console.log(`compose: wrote ${values.out} (${names}).`);
