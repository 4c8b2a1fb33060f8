import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, fromNewAddress, readSse, startPlatform, wsClient } from './support.mjs';

// Long enough to stay open for the whole test unless something ends it.
const LONG = 'subscription { ticks(n: 100000, everyMs: 50) }';

let platform;
before(async () => {
  platform = await startPlatform({
    TRUST_PROXY: 'true',
    JWT_CLOCK_SKEW_SECONDS: '0',
    GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
    GATEWAY_MAX_SUBSCRIPTIONS_PER_USER: '3',
  });
});
after(() => platform.close());

/** Starts `query` on `client`; resolves once its first event arrived. */
function open(client, query = LONG) {
  const events = [];
  let first;
  const started = new Promise((resolve) => { first = resolve; });
  const done = new Promise((resolve, reject) => {
    const stop = client.subscribe({ query }, {
      next: (value) => { events.push(value); first(); },
      error: (error) => { first(); reject(error); },
      complete: () => { first(); resolve(events); },
    });
    open.stops.push(stop);
  });
  done.catch(() => {});
  return { events, started, done, stop: open.stops.at(-1) };
}
open.stops = [];

/** An SSE subscription; resolves once the response headers arrived. */
async function sse(headers, query = LONG) {
  const controller = new AbortController();
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  return { response, abort: () => controller.abort() };
}

describe('subscription caps', { timeout: 30_000 }, () => {
  it('WebSocket_OverThePerConnectionCap_RefusesTheNextUntilOneCompletes', async () => {
    const token = await platform.token({ sub: 'per-connection' });
    const { client } = wsClient(platform, { Authorization: `Bearer ${token}` });
    const a = open(client);
    const b = open(client);
    await Promise.all([a.started, b.started]);

    const [refused] = await collect(client, LONG);
    a.stop();
    await a.done;
    const again = open(client);
    await again.started;
    const againEvents = again.events.slice();
    b.stop();
    again.stop();
    await client.dispose();

    assert.equal(refused.errors[0].message, 'Subscription limit of 2 per connection reached; complete one before starting another.');
    assert.deepEqual(refused.errors[0].extensions, { code: 'SUBSCRIPTION_LIMIT', limit: 'GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION', max: 2 });
    assert.match(againEvents[0].data.ticks, /^1:ws:/);
  });

  it('User_OverThePerUserCap_AcrossConnectionsAndSse_IsRefused', async () => {
    const token = await platform.token({ sub: 'per-user' });
    const first = wsClient(platform, { Authorization: `Bearer ${token}` });
    const second = wsClient(platform, { Authorization: `Bearer ${token}` });
    const other = wsClient(platform, { Authorization: `Bearer ${await platform.token({ sub: 'someone-else' })}` });
    const a = open(first.client);
    const b = open(first.client);
    const stream = await sse({ authorization: `Bearer ${token}` });
    await Promise.all([a.started, b.started]);

    const [refused] = await collect(second.client, LONG);
    const otherUser = open(other.client);
    await otherUser.started;
    stream.abort();
    // The aborted stream frees its place once the gateway has seen the disconnect.
    let afterAbort;
    for (let attempt = 0; attempt < 50; attempt++) {
      afterAbort = open(second.client);
      const outcome = await Promise.race([afterAbort.started.then(() => afterAbort.events.length > 0), afterAbort.done.then(() => false, () => false)]);
      if (outcome) break;
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    const freed = afterAbort.events.length > 0;
    for (const stop of open.stops) stop();
    await Promise.all([first.client.dispose(), second.client.dispose(), other.client.dispose()]);

    assert.equal(stream.response.status, 200);
    assert.equal(refused.errors[0].message, 'Subscription limit of 3 per user reached; complete one before starting another.');
    assert.equal(refused.errors[0].extensions.limit, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_USER');
    assert.ok(otherUser.events.length > 0, 'another user was refused too');
    assert.ok(freed, 'the aborted SSE stream kept its place');
  });

  it('Anonymous_OverThePerAddressCap_IsRefusedOverSse', async () => {
    const address = fromNewAddress();
    const streams = [await sse(address), await sse(address), await sse(address)];

    const refused = await sse(address, LONG);
    const body = await readSse(refused.response);
    const elsewhere = await sse(fromNewAddress());
    for (const stream of [...streams, elsewhere]) stream.abort();

    assert.deepEqual(streams.map((s) => s.response.status), [200, 200, 200]);
    assert.equal(refused.response.status, 429);
    assert.equal(body[0].errors[0].message, 'Subscription limit of 3 per client address reached; complete one before starting another.');
    assert.equal(elsewhere.response.status, 200);
  });
});

describe('token expiry', { timeout: 30_000 }, () => {
  it('WebSocketSubscription_TokenExpires_EndsWithAnUnauthenticatedError', async () => {
    const token = await platform.token({ sub: 'expiring-ws', expiresIn: 2 });
    const { client } = wsClient(platform, { Authorization: `Bearer ${token}` });
    const started = Date.now();

    const results = await collect(client, LONG);
    const endedAfter = Date.now() - started;
    await client.dispose();

    assert.ok(results.length > 1);
    assert.deepEqual(results.at(-1), { errors: [{ message: 'Invalid access token: it has expired, so the subscription ended; subscribe again with a fresh one.', extensions: { code: 'UNAUTHENTICATED' } }] });
    assert.ok(endedAfter < 6000, `ended after ${endedAfter} ms`);
  });

  it('SseSubscription_TokenExpires_EndsWithAnUnauthenticatedError', async () => {
    const token = await platform.token({ sub: 'expiring-sse', expiresIn: 2 });

    const { response } = await sse({ authorization: `Bearer ${token}` });
    const events = await readSse(response);

    assert.equal(events.at(-1).errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.match(events.at(-2).data.ticks, /:ws:Bearer /);
  });
});

describe('upstream connections', { timeout: 30_000 }, () => {
  it('OneCallersSubscriptions_ShareOneUpstreamWebSocket', async () => {
    const token = await platform.token({ sub: 'multiplexed' });
    const before = platform.productsSubgraph.webSockets().opened;
    const { client } = wsClient(platform, { Authorization: `Bearer ${token}` });
    const a = open(client);
    const b = open(client);
    const stream = await sse({ authorization: `Bearer ${token}` });
    await Promise.all([a.started, b.started]);
    const [firstEvent] = await Promise.all([a.events[0]]);

    const opened = platform.productsSubgraph.webSockets().opened - before;
    a.stop();
    b.stop();
    stream.abort();
    await client.dispose();

    assert.match(firstEvent.data.ticks, /^1:ws:Bearer /);
    assert.equal(opened, 1);
  });
});
