import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fromNewAddress, startPlatform } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true' });
});
after(() => platform.close());

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

  it('Query_ClientAddress_IsForwardedToTheSubgraphs', async () => {
    // TRUST_PROXY is on here: the hop the proxy appended (the last) is the client; what the client
    // wrote before it is not believed, and the subgraph gets only that one address.
    const { status, body } = await platform.post('{ forwardedForSeen }', { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } });

    assert.equal(status, 200);
    assert.equal(body.data.forwardedForSeen, '203.0.113.9');
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
  it('HealthAndReadiness_Answer', async () => {
    const health = await fetch(`${platform.base}/healthcheck`);
    const readiness = await fetch(`${platform.base}/readiness`);

    assert.equal(health.status, 200);
    assert.equal(readiness.status, 200);
  });

  it('Metrics_AreServedOnTheirOwnListenerOnly', async () => {
    const onThePublicListener = await fetch(`${platform.base}/metrics`);
    const metrics = await fetch(platform.metricsUrl);
    const text = await metrics.text();

    assert.notEqual(onThePublicListener.status, 200);
    assert.doesNotMatch(await onThePublicListener.text(), /graphql_yoga_http_duration/);
    assert.notEqual(new URL(platform.metricsUrl).port, new URL(platform.base).port);
    assert.equal(new URL(platform.metricsUrl).hostname, '127.0.0.1');
    assert.equal(metrics.status, 200);
    assert.match(text, /graphql_yoga_http_duration_count\{/);
  });

  it('Metrics_ClientChosenStrings_BecomeNoLabel', async () => {
    const name = `Counted${'x'.repeat(2000)}${Date.now()}`;
    const alias = `chosenAlias${Date.now()}`;
    await platform.post(`query ${name} { greeting }`, { headers: fromNewAddress() });
    await platform.post(`query ${name}Failing { ${alias}: boom }`, { headers: fromNewAddress() });
    await fetch(`${platform.url}?query=${encodeURIComponent(`{ greeting }`)}&chosenUrl${Date.now()}=1`, { headers: fromNewAddress() });

    const metrics = await (await fetch(platform.metricsUrl)).text();

    assert.ok(!metrics.includes(name), 'the operation name became a metric label');
    assert.ok(!metrics.includes(alias), 'an alias in an error path became a metric label');
    assert.doesNotMatch(metrics, /chosenUrl/);
    assert.match(metrics, /graphql_gateway_subgraph_execute_duration_count\{subgraphName="users"/);
    assert.match(metrics, /graphql_envelop_error_result\{/);
    assert.doesNotMatch(metrics, /authorization|Bearer|url="|path="/i);
  });
});
