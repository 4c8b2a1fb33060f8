import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, fromNewAddress, startPlatform, wsClient } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true', RATE_LIMIT_ANONYMOUS_MAX: '5', RATE_LIMIT_USER_MAX: '5', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_TOKENS: '200' });
});
after(() => platform.close());

describe('rate limits', () => {
  it('Query_OverTheAnonymousLimit_Is429WithRetryAfter', async () => {
    const address = fromNewAddress();
    for (let i = 0; i < 5; i++) {
      assert.equal((await platform.post('{ greeting }', { headers: address })).status, 200);
    }

    const { status, headers, body } = await platform.post('{ greeting }', { headers: address });
    const otherAddress = await platform.post('{ greeting }', { headers: fromNewAddress() });

    assert.equal(status, 429);
    assert.ok(Number(headers.get('retry-after')) >= 1);
    assert.equal(body.errors[0].extensions.code, 'RATE_LIMITED');
    assert.match(body.errors[0].message, /at most 5 requests per 60 s per client address/);
    assert.equal(otherAddress.status, 200);
  });

  it('Query_OverTheUserLimit_Is429ForThatUserOnly', async () => {
    const address = fromNewAddress();
    const heavy = { ...address, authorization: `Bearer ${await platform.token({ sub: 'heavy' })}` };
    const light = { ...address, authorization: `Bearer ${await platform.token({ sub: 'light' })}` };
    await Promise.all(Array.from({ length: 5 }, () => platform.post('{ greeting }', { headers: heavy })));

    const refused = await platform.post('{ greeting }', { headers: heavy });
    const other = await platform.post('{ greeting }', { headers: light });

    assert.equal(refused.status, 429);
    assert.match(refused.body.errors[0].message, /per user/);
    assert.equal(other.status, 200);
  });

  it('WebSocketSubscribe_OverTheLimit_FailsThatOperationOnly', async () => {
    const token = await platform.token({ sub: 'ws-heavy' });
    for (let i = 0; i < 5; i++) await platform.post('{ greeting }', { headers: { authorization: `Bearer ${token}` } });
    const { client, closes, closed } = wsClient(platform, { Authorization: `Bearer ${token}` });

    const error = await collect(client, 'subscription { ticks(n: 1) }').then(() => null, (e) => e);
    await client.dispose();
    await closed;

    assert.deepEqual(error[0].extensions, { code: 'RATE_LIMITED' });
    assert.deepEqual(closes.map((c) => c.code), [1000]);
  });
});

describe('limits', () => {
  it('Query_DeeperThanTheLimit_Is400WithTheLimit', async () => {
    const { status, body } = await platform.post('{ __type(name: "Query") { fields { type { ofType { name } } } } }', { headers: fromNewAddress() });

    assert.equal(status, 400);
    assert.equal(body.errors[0].message, 'Query depth limit of 3 exceeded, found 5.');
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('Introspection_DeeperThanTheLimit_IsAllowed', async () => {
    const { status, body } = await platform.post('{ __schema { types { fields { type { ofType { name } } } } } }', { headers: fromNewAddress() });

    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
  });

  it('WebSocketQuery_DeeperThanTheLimit_AnswersTheErrorWithoutHttpDetails', async () => {
    const { client } = wsClient(platform, {});

    const results = await collect(client, '{ __type(name: "Query") { fields { type { ofType { name } } } } }');
    await client.dispose();

    assert.deepEqual(results, [{ errors: [{ message: 'Query depth limit of 3 exceeded, found 5.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }]);
  });

  it('Query_OverTheTokenLimit_Is400', async () => {
    const { status, body } = await platform.post(`{ ${'greeting '.repeat(250)}}`, { headers: fromNewAddress() });

    assert.equal(status, 400);
    assert.match(body.errors[0].message, /Token limit of 200 exceeded/);
  });

  it('Query_FieldSuggestions_AreHiddenOutsideDevelopment', async () => {
    const { status, body } = await platform.post('{ greting }', { headers: fromNewAddress() });

    assert.equal(status, 400);
    assert.match(body.errors[0].message, /Cannot query field "greting"/);
    assert.doesNotMatch(body.errors[0].message, /Did you mean/);
  });
});
