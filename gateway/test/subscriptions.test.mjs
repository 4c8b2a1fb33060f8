import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, fromNewAddress, readSse, startPlatform, wsClient } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true', SUBGRAPH_SUBSCRIPTIONS: 'sse' });
});
after(() => platform.close());

describe('subscriptions', () => {
  it('SseSubscription_WithToken_ReachesTheSubgraphWithTheToken', async () => {
    const token = await platform.token({ sub: 'sse-user' });

    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { ticks(n: 2) }' }),
    });

    assert.equal(response.status, 200);
    assert.deepEqual(await readSse(response), [
      { data: { ticks: `1:sse:Bearer ${token}` } },
      { data: { ticks: `2:sse:Bearer ${token}` } },
    ]);
  });

  it('SseSubscription_Anonymous_CarriesNoAuthorization', async () => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...fromNewAddress() },
      body: JSON.stringify({ query: 'subscription { ticks(n: 1) }' }),
    });

    assert.deepEqual(await readSse(response), [{ data: { ticks: '1:sse:anonymous' } }]);
  });

  it('WebSocketSubscription_TokenInConnectionInit_ReachesTheSubgraphWithTheToken', async () => {
    const token = await platform.token({ sub: 'ws-user' });
    const { client } = wsClient(platform, { Authorization: `Bearer ${token}` });

    const results = await collect(client, 'subscription { ticks(n: 2) }');
    await client.dispose();

    assert.deepEqual(results, [{ data: { ticks: `1:sse:Bearer ${token}` } }, { data: { ticks: `2:sse:Bearer ${token}` } }]);
  });

  it('WebSocketSubscription_RefusedByTheSubgraph_KeepsTheSubgraphsMessageAndCode', async () => {
    // As the orders subgraph refuses to let one customer watch another's order (NOT_FOUND). Both
    // planners keep it (planner.test.mjs); this runs with whichever GATEWAY_QUERY_PLANNER names.
    const { client } = wsClient(platform, {});

    const results = await collect(client, 'subscription { ticks(n: -1) }');
    await client.dispose();

    assert.equal(results.length, 1);
    assert.deepEqual(results[0].errors.map((error) => [error.message, error.extensions?.code]), [['No such order to watch.', 'NOT_FOUND']]);
  });

  it('WebSocketMutation_IsExecuted', async () => {
    // graphql-transport-ws carries every operation type; only GET over HTTP must not mutate.
    const { client } = wsClient(platform, {});

    const results = await collect(client, 'mutation { touch }');
    await client.dispose();

    assert.equal(results.length, 1);
    assert.equal(results[0].errors, undefined, JSON.stringify(results[0].errors));
    assert.equal(typeof results[0].data.touch, 'number');
  });

  it('WebSocketConnection_ExpiredToken_IsClosedWith4403AndTheReason', async () => {
    const token = await platform.token({ expiresIn: -120 });
    const { client, closes, closed } = wsClient(platform, { Authorization: `Bearer ${token}` });

    await assert.rejects(collect(client, 'subscription { ticks(n: 1) }'));
    await client.dispose();
    await closed;

    assert.deepEqual(closes, [{ code: 4403, reason: 'Invalid access token: it has expired.' }]);
  });
});

describe('subscriptions carried to the subgraphs over graphql-transport-ws', () => {
  let wsPlatform;
  before(async () => { wsPlatform = await startPlatform({ SUBGRAPH_SUBSCRIPTIONS: 'ws' }); });
  after(() => wsPlatform.close());

  it('SseSubscription_WithToken_ReachesTheSubgraphOverWebSocketWithTheTokenInConnectionInit', async () => {
    const token = await wsPlatform.token({ sub: 'sse-to-ws' });

    const response = await fetch(wsPlatform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { ticks(n: 1) }' }),
    });

    assert.deepEqual(await readSse(response), [{ data: { ticks: `1:ws:Bearer ${token}` } }]);
  });

  it('WebSocketSubscription_Anonymous_ReachesTheSubgraphWithoutAToken', async () => {
    const { client } = wsClient(wsPlatform, {});

    const results = await collect(client, 'subscription { ticks(n: 1) }');
    await client.dispose();

    assert.deepEqual(results, [{ data: { ticks: '1:ws:anonymous' } }]);
  });

  it('Query_InWebSocketMode_StillGoesOverHttpWithTheHeader', async () => {
    const token = await wsPlatform.token({ sub: 'query-over-http' });

    const { body } = await wsPlatform.post('{ authorizationSeen }', { headers: { authorization: `Bearer ${token}` } });

    assert.equal(body.data.authorizationSeen, `Bearer ${token}`);
  });
});
