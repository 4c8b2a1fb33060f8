import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { GENERATED_HEADER, compose, normaliseSubgraph } from '../src/composition.mjs';
import { PRODUCTS_SDL, USERS_SDL } from './support.mjs';

const run = promisify(execFile);
const composeScript = fileURLToPath(new URL('../src/compose.mjs', import.meta.url));

describe('compose', () => {
  it('Compose_GraphQLNetSdl_DropsTheFederationPlumbingAndNamesLocalUrls', () => {
    const { supergraph, errors } = compose([{ name: 'users', sdl: USERS_SDL }, { name: 'products', sdl: PRODUCTS_SDL }]);

    assert.equal(errors, undefined);
    assert.ok(supergraph.startsWith(GENERATED_HEADER));
    assert.match(supergraph, /PRODUCTS @join__graph\(name: "products", url: "http:\/\/127\.0\.0\.1:5002\/graphql"\)/);
    assert.match(supergraph, /USERS @join__graph\(name: "users", url: "http:\/\/127\.0\.0\.1:5001\/graphql"\)/);
    assert.doesNotMatch(supergraph, /_service|_entities|_Service|_Any/);
    assert.equal(supergraph.match(/specs\.apollo\.dev\/link\/v1\.0/g).length, 1);
  });

  it('Compose_SameInputInAnotherOrder_GivesTheSameSupergraph', () => {
    const a = compose([{ name: 'users', sdl: USERS_SDL }, { name: 'products', sdl: PRODUCTS_SDL }]);
    const b = compose([{ name: 'products', sdl: PRODUCTS_SDL }, { name: 'users', sdl: USERS_SDL }]);

    assert.equal(a.supergraph, b.supergraph);
  });

  it('Compose_ConflictingSubgraphs_ReportsEachError', () => {
    const conflicting = 'type Query { greeting: Int! }';

    const { supergraph, errors } = compose([{ name: 'users', sdl: USERS_SDL }, { name: 'orders', sdl: conflicting }]);

    assert.equal(supergraph, undefined);
    assert.ok(errors.some((e) => e.includes('Query.greeting') && e.includes('FIELD_TYPE_MISMATCH')), errors.join('\n'));
  });

  it('Compose_UnknownNameOrBrokenSdl_IsAnError', () => {
    assert.deepEqual(compose([{ name: 'inventory', sdl: USERS_SDL }]).errors, ['[inventory] is not a known subgraph (users, products, orders, payments).']);
    assert.match(compose([{ name: 'users', sdl: 'type Query {' }]).errors[0], /^\[users\] the SDL does not parse/);
    assert.deepEqual(compose([]).errors, ['No subgraph SDL to compose.']);
  });

  it('NormaliseSubgraph_QueryWithOnlyFederationFields_IsDropped', () => {
    const document = normaliseSubgraph('payments', 'type Query { _service: _Service! } type Payment { id: ID! } type _Service { sdl: String }');

    assert.deepEqual(document.definitions.map((d) => d.name.value), ['Payment']);
  });
});

describe('compose.mjs', () => {
  let dir;
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'shop-compose-test-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  const cli = (...args) => run(process.execPath, [composeScript, '--subgraphs', path.join(dir, 'subgraphs'), '--out', path.join(dir, 'supergraph.graphql'), ...args])
    .then(({ stdout }) => ({ code: 0, stdout }), (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));

  it('Check_NoSubgraphsAndNoSupergraph_Passes', async () => {
    const { code, stdout } = await cli('--check');

    assert.equal(code, 0);
    assert.match(stdout, /nothing to check/);
  });

  it('Compose_ThenCheck_PassesUntilTheSdlChanges', async () => {
    await mkdir(path.join(dir, 'subgraphs'), { recursive: true });
    await writeFile(path.join(dir, 'subgraphs', 'users.graphql'), USERS_SDL);
    await writeFile(path.join(dir, 'subgraphs', 'products.graphql'), PRODUCTS_SDL);

    const written = await cli();
    const current = await cli('--check');
    await writeFile(path.join(dir, 'subgraphs', 'users.graphql'), USERS_SDL.replace('greeting: String!', 'greeting: String! motto: String'));
    const stale = await cli('--check');

    assert.equal(written.code, 0);
    assert.equal(await readFile(path.join(dir, 'supergraph.graphql'), 'utf8'),
      compose([{ name: 'products', sdl: PRODUCTS_SDL }, { name: 'users', sdl: USERS_SDL }]).supergraph);
    assert.equal(current.code, 0);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /is stale; run \.\/shop compose/);
  });

  it('Compose_CompositionErrors_ExitNonZeroAndPrintThem', async () => {
    await writeFile(path.join(dir, 'subgraphs', 'orders.graphql'), 'type Query { greeting: Int! }');

    const { code, stderr } = await cli();
    await rm(path.join(dir, 'subgraphs', 'orders.graphql'));

    assert.equal(code, 1);
    assert.match(stderr, /composition failed \(orders, products, users\)/);
    assert.match(stderr, /FIELD_TYPE_MISMATCH/);
  });
});
