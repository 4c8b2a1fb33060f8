import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readSse, startPlatform, unsignedToken } from './support.mjs';

let platform;
let nextAddress = 1;
/** A client address of its own (the gateway trusts X-Forwarded-For here), so rate limits do not mix. */
const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${nextAddress++}` });

before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true', RATE_LIMIT_ANONYMOUS_MAX: '5', RATE_LIMIT_USER_MAX: '5', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_TOKENS: '200' });
});
after(() => platform.close());

function wsClient(connectionParams) {
  const closes = [];
  let onClosed;
  const closed = new Promise((resolve) => { onClosed = resolve; });
  const client = createClient({
    url: platform.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        closes.push({ code: event.code, reason: event.reason });
        onClosed();
      },
    },
  });
  return { client, closes, closed };
}

async function collect(client, query) {
  const results = [];
  for await (const result of client.iterate({ query })) results.push(result);
  return results;
}

describe('queries', () => {
  it('Query_Anonymous_ResolvesAcrossSubgraphs', async () => {
    const { status, body } = await platform.post('{ greeting products { id name likedBy } }', { headers: fromNewAddress() });

    assert.equal(status, 200);
    assert.deepEqual(body, {
      data: { greeting: 'hello', products: [{ id: '1', name: 'Kettle', likedBy: 7 }, { id: '2', name: 'Teapot', likedBy: 14 }] },
    });
  });

  it('Query_ValidToken_PropagatesOnlyTheVerifiedAuthorizationHeader', async () => {
    const token = await platform.token({ sub: 'propagated' });

    const { status, body } = await platform.post('{ authorizationSeen }', {
      headers: { authorization: `Bearer ${token}`, cookie: 'session=secret', 'x-api-key': 'secret' },
    });

    assert.equal(status, 200);
    assert.equal(body.data.authorizationSeen, `Bearer ${token}`);
  });

  it('Query_Es256Token_IsAccepted', async () => {
    const token = await platform.token({ kid: 'ec', sub: 'ec-user' });

    const { status, body } = await platform.post('{ authorizationSeen }', { headers: { authorization: `Bearer ${token}` } });

    assert.equal(status, 200);
    assert.equal(body.data.authorizationSeen, `Bearer ${token}`);
  });
});

describe('invalid tokens', () => {
  const cases = [
    ['expired', () => platform.token({ expiresIn: -120 }), 'it has expired'],
    ['alg none', async () => unsignedToken(), 'must be signed with RS256 or ES256'],
    ['signed by another key under a known kid', () => platform.token({ kid: 'rogue', headerKid: 'rsa' }), 'signature does not verify'],
    ['signed by an unknown key', () => platform.token({ kid: 'rogue' }), 'not signed by a key of the users service'],
    ['wrong audience', () => platform.token({ audience: 'elsewhere' }), '"aud" claim'],
    ['wrong issuer', () => platform.token({ issuer: 'someone' }), '"iss" claim'],
    ['not a JWT', async () => 'abc.def', 'not a well-formed JWT'],
  ];
  for (const [name, makeToken, reason] of cases) {
    it(`Query_${name.replace(/\W+/g, '')}Token_Is401WithTheReasonAndReachesNoSubgraph`, async () => {
      const token = await makeToken();
      const callsBefore = platform.productCalls.length;

      const { status, headers, body } = await platform.post('{ products { id } }', { headers: { authorization: `Bearer ${token}` } });

      assert.equal(status, 401);
      assert.match(headers.get('www-authenticate'), /^Bearer error="invalid_token"/);
      assert.equal(body.errors[0].extensions.code, 'UNAUTHENTICATED');
      assert.ok(body.errors[0].message.includes(reason), body.errors[0].message);
      assert.equal(body.data, undefined);
      assert.equal(platform.productCalls.length, callsBefore);
    });
  }

  it('Query_NonBearerAuthorization_Is401', async () => {
    const { status, body } = await platform.post('{ greeting }', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });

    assert.equal(status, 401);
    assert.match(body.errors[0].message, /expected "Bearer <access token>"/);
  });
});

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
      { data: { ticks: `1:Bearer ${token}` } },
      { data: { ticks: `2:Bearer ${token}` } },
    ]);
  });

  it('SseSubscription_Anonymous_CarriesNoAuthorization', async () => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...fromNewAddress() },
      body: JSON.stringify({ query: 'subscription { ticks(n: 1) }' }),
    });

    assert.deepEqual(await readSse(response), [{ data: { ticks: '1:anonymous' } }]);
  });

  it('WebSocketSubscription_TokenInConnectionInit_ReachesTheSubgraphWithTheToken', async () => {
    const token = await platform.token({ sub: 'ws-user' });
    const { client } = wsClient({ Authorization: `Bearer ${token}` });

    const results = await collect(client, 'subscription { ticks(n: 2) }');
    await client.dispose();

    assert.deepEqual(results, [{ data: { ticks: `1:Bearer ${token}` } }, { data: { ticks: `2:Bearer ${token}` } }]);
  });

  it('WebSocketConnection_ExpiredToken_IsClosedWith4403AndTheReason', async () => {
    const token = await platform.token({ expiresIn: -120 });
    const { client, closes, closed } = wsClient({ Authorization: `Bearer ${token}` });

    await assert.rejects(collect(client, 'subscription { ticks(n: 1) }'));
    await client.dispose();
    await closed;

    assert.deepEqual(closes, [{ code: 4403, reason: 'Invalid access token: it has expired.' }]);
  });
});

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
    const { client, closes, closed } = wsClient({ Authorization: `Bearer ${token}` });

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
    const { client } = wsClient({});

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

describe('browsers', () => {
  it('GetGraphQL_AcceptingHtml_RedirectsToBananaCakePop', async () => {
    const response = await fetch(platform.url, { headers: { accept: 'text/html' }, redirect: 'manual' });

    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/graphql/');
  });

  it('BananaCakePop_IndexConfigAndAssets_AreServedFromThePackage', async () => {
    const index = await fetch(`${platform.url}/`);
    const html = await index.text();
    const script = /src="(static\/js\/main\.[\w.]+\.js)"/.exec(html)[1];
    const asset = await fetch(`${platform.url}/${script}`);
    const config = await (await fetch(`${platform.url}/bcp-config.json`)).json();

    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(html, /<title>Banana Cake Pop<\/title>/);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type'), /^text\/javascript/);
    assert.equal(config.useBrowserUrlAsEndpoint, true);
  });

  it('BananaCakePop_PathsOutsideItsFiles_Are404', async () => {
    for (const path of ['/graphql/package.json', '/graphql/%2e%2e/%2e%2e/package.json', '/graphql/nothing.js', '/graphql/%E0%A4%A']) {
      assert.equal((await fetch(`${platform.base}${path}`)).status, 404, path);
    }
  });

  it('Cors_ListedOrigin_IsAllowedAndOthersGetNoCorsHeaders', async () => {
    const preflight = (origin) => fetch(platform.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });

    const allowed = await preflight('http://localhost:3000');
    const denied = await preflight('https://elsewhere.example');

    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    assert.match(allowed.headers.get('access-control-allow-headers'), /Authorization/);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });
});

describe('operations', () => {
  it('HealthReadinessAndMetrics_Answer', async () => {
    await platform.post('query Counted { greeting }', { headers: fromNewAddress() });

    const health = await fetch(`${platform.base}/healthcheck`);
    const readiness = await fetch(`${platform.base}/readiness`);
    const metrics = await (await fetch(`${platform.base}/metrics`)).text();

    assert.equal(health.status, 200);
    assert.equal(readiness.status, 200);
    assert.match(metrics, /graphql_yoga_http_duration_count\{[^}]*operationName="Counted"/);
    assert.match(metrics, /graphql_gateway_subgraph_execute_duration_count\{subgraphName="users"/);
    assert.doesNotMatch(metrics, /authorization|Bearer|url="/i);
  });
});
