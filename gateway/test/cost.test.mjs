import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { collect, fromNewAddress, startPlatform, wsClient } from './support.mjs';

const BCP_INTROSPECTION = await readFile(new URL('./fixtures/bcp-introspection.graphql', import.meta.url), 'utf8');
const BCP_FRAGMENTS = BCP_INTROSPECTION.slice(BCP_INTROSPECTION.indexOf('fragment'));

// Every limit at its default: these tests show what the defaults let through and what they refuse.
let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true' });
});
after(() => platform.close());

const post = (query, variables) => platform.post(query, { headers: fromNewAddress(), variables });
const refusal = (body) => body.errors.map((e) => ({ message: e.message, limit: e.extensions.limit, code: e.extensions.code }));

describe('cost', () => {
  it('Query_PageOf20_IsAnswered', async () => {
    const { status, body } = await post('{ productPage(first: 20) { totalCount nodes { id name likedBy } } }');

    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.data.productPage.nodes.length, 20);
  });

  it('Query_PageSizeOverTheBudget_IsRefusedBeforeAnySubgraphIsCalled', async () => {
    const calls = platform.productCalls.length;

    const { status, body } = await post('{ productPage(first: 1000) { totalCount nodes { id name likedBy } } }');

    assert.equal(status, 400);
    assert.deepEqual(refusal(body), [{ message: 'Cost limit of 10000 exceeded, found 13250.', limit: 'GRAPHQL_MAX_COST', code: 'GRAPHQL_VALIDATION_FAILED' }]);
    assert.deepEqual(body.errors[0].extensions, { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'GRAPHQL_MAX_COST', max: 10000, found: 13250 });
    assert.equal(platform.productCalls.length, calls);
  });

  it('Query_PageSizeInAVariable_IsCostedByItsValue', async () => {
    const query = 'query ($n: Int) { productPage(first: $n) { nodes { id name likedBy } } }';

    const small = await post(query, { n: 20 });
    const large = await post(query, { n: 1000 });

    assert.equal(small.status, 200, JSON.stringify(small.body));
    assert.equal(large.status, 400);
    assert.match(large.body.errors[0].message, /^Cost limit of 10000 exceeded, found \d+\.$/);
  });
});

describe('aliases, directives and mutations', () => {
  it('Query_OverTheAliasLimit_IsRefused', async () => {
    const { status, body } = await post(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: greeting`).join(' ')} }`);

    assert.equal(status, 400);
    assert.deepEqual(refusal(body), [{ message: 'Aliases limit of 15 exceeded, found 16.', limit: 'GRAPHQL_MAX_ALIASES', code: 'GRAPHQL_VALIDATION_FAILED' }]);
  });

  it('Query_OverTheDirectiveLimit_IsRefused', async () => {
    const { status, body } = await post(`{ ${'... @include(if: true) { greeting } '.repeat(51)}}`);

    assert.equal(status, 400);
    assert.deepEqual(refusal(body), [{ message: 'Directives limit of 50 exceeded, found 51.', limit: 'GRAPHQL_MAX_DIRECTIVES', code: 'GRAPHQL_VALIDATION_FAILED' }]);
  });

  it('Mutation_TwentyAliasedRegisters_IsRefusedAndRegistersNoOne', async () => {
    const calls = platform.productCalls.length;
    const registers = Array.from({ length: 20 }, (_, i) => `r${i}: register(email: "u${i}@example.com")`).join(' ');

    const { status, body } = await post(`mutation { ${registers} }`);

    assert.equal(status, 400);
    assert.ok(refusal(body).some((e) => e.message === 'Mutation root fields limit of 3 exceeded, found 20.'), JSON.stringify(body));
    assert.equal(platform.productCalls.length, calls);
  });

  it('Mutation_FourRootFields_IsRefusedByTheMutationLimitAlone', async () => {
    const { status, body } = await post('mutation { touch a: register(email: "a@example.com") b: register(email: "b@example.com") ...More } fragment More on Mutation { c: register(email: "c@example.com") }');

    assert.equal(status, 400);
    assert.deepEqual(refusal(body), [{ message: 'Mutation root fields limit of 3 exceeded, found 4.', limit: 'GRAPHQL_MAX_MUTATION_FIELDS', code: 'GRAPHQL_VALIDATION_FAILED' }]);
  });

  it('Mutation_OneRootField_Runs', async () => {
    const { status, body } = await post('mutation { register(email: "one@example.com") }');

    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(typeof body.data.register, 'number');
  });
});

describe('introspection', () => {
  it('BananaCakePopIntrospection_IsAnswered', async () => {
    const { status, body } = await post(BCP_INTROSPECTION);

    assert.equal(status, 200, JSON.stringify(body.errors));
    assert.ok(body.data.__schema.types.some((t) => t.name === 'Product'));
  });

  it('Introspection_480Aliases_IsRefusedBeforeItRuns', async () => {
    const aliases = Array.from({ length: 480 }, (_, i) => `s${i}: __schema { types { ...FullType } }`).join(' ');
    const started = Date.now();

    const { status, body } = await post(`query { ${aliases} } ${BCP_FRAGMENTS}`);

    assert.equal(status, 400);
    assert.deepEqual(refusal(body).map((e) => e.limit), ['GRAPHQL_MAX_COST', 'GRAPHQL_MAX_ALIASES']);
    assert.match(body.errors[0].message, /^Cost limit of 10000 exceeded, found \d+\.$/);
    assert.equal(body.errors[1].message, 'Aliases limit of 15 exceeded, found 480.');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('Introspection_FewAliasesOfTheWholeSchema_IsRefusedByCost', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `s${i}: __schema { types { ...FullType } }`).join(' ');

    const { status, body } = await post(`query { ${aliases} } ${BCP_FRAGMENTS}`);

    assert.equal(status, 400);
    assert.deepEqual(refusal(body).map((e) => e.limit), ['GRAPHQL_MAX_COST']);
  });
});

describe('response size', () => {
  it('Query_UnpagedListOverTheResponseLimit_FailsWithTheFigure', async () => {
    // One scalar list: the cost model counts it once, whatever its length.
    const { status, body } = await post('{ bulky(kilobytes: 5000) }');

    assert.equal(status, 200);
    assert.equal(body.data, undefined);
    assert.equal(body.errors.length, 1);
    assert.match(body.errors[0].message, /^Response size limit of 4194304 bytes exceeded, found \d+; ask for fewer fields or a smaller page\.$/);
    assert.equal(body.errors[0].extensions.code, 'RESPONSE_TOO_LARGE');
    assert.ok(body.errors[0].extensions.found > 5_000_000);
  });

  it('Query_UnderTheResponseLimit_IsAnswered', async () => {
    const { body } = await post('{ bulky(kilobytes: 100) }');

    assert.equal(body.data.bulky.length, 100);
  });
});

describe('over WebSocket', () => {
  it('WebSocketQuery_OverTheCostBudget_IsRefusedWithTheFigure', async () => {
    const { client } = wsClient(platform, {});

    const results = await collect(client, '{ productPage(first: 1000) { totalCount nodes { id name likedBy } } }');
    await client.dispose();

    assert.deepEqual(results, [{ errors: [{ message: 'Cost limit of 10000 exceeded, found 13250.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'GRAPHQL_MAX_COST', max: 10000, found: 13250 } }] }]);
  });
});
