import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizationFromConnectionParams } from '../src/auth.mjs';
import { readConfig } from '../src/config.mjs';
import { redact } from '../src/logger.mjs';
import { RateLimiter, addressKey, clientAddress } from '../src/rate-limit.mjs';

describe('config', () => {
  it('ReadConfig_Nothing_GivesTheLocalDefaults', () => {
    const config = readConfig({});

    assert.equal(config.port, 4000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.development, false);
    assert.equal(config.subscriptions, 'ws');
    assert.equal(config.queryPlanner, 'rust');
    assert.equal(config.metrics.host, '127.0.0.1');
    assert.equal(config.metrics.port, 9464);
    assert.deepEqual(config.limits, {
      maxDepth: 15, maxTokens: 5000, maxCost: 10_000, defaultListSize: 20, maxAliases: 15, maxDirectives: 50,
      maxMutationFields: 3, maxNesting: 64, maxResponseBytes: 4 * 1024 * 1024,
    });
    assert.deepEqual(config.subscriptionCaps, { perConnection: 10, perCaller: 20 });
    assert.equal(config.subgraphUrls.orders, 'http://127.0.0.1:5003/graphql');
    assert.equal(config.auth.jwksUrl.toString(), 'http://127.0.0.1:5001/.well-known/jwks.json');
    assert.deepEqual(config.rateLimit, { windowMs: 60_000, userMax: 600, anonymousMax: 300, trustProxy: false });
  });

  it('ReadConfig_Overrides_AreTaken', () => {
    const config = readConfig({
      SUBGRAPH_ORDERS_URL: 'http://orders:8080/graphql', SHOP_ENV: 'Development', CORS_ORIGINS: 'https://a.example, https://b.example',
      SUBGRAPH_SUBSCRIPTIONS: 'SSE', RATE_LIMIT_USER_MAX: '0', GATEWAY_QUERY_PLANNER: ' JS ',
    });

    assert.equal(config.subgraphUrls.orders, 'http://orders:8080/graphql');
    assert.equal(config.development, true);
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.subscriptions, 'sse');
    assert.equal(config.rateLimit.userMax, 0);
    assert.equal(config.queryPlanner, 'js');
  });

  it('ReadConfig_MalformedValue_NamesTheVariable', () => {
    for (const [name, value, message] of [
      ['GATEWAY_PORT', '80a', /GATEWAY_PORT must be an integer from 0 to 65535/],
      ['JWKS_URL', 'not a url', /JWKS_URL must be an absolute URL/],
      ['SUBGRAPH_USERS_URL', 'file:///etc/passwd', /SUBGRAPH_USERS_URL must be an http\(s\) URL/],
      ['SUBGRAPH_SUBSCRIPTIONS', 'grpc', /SUBGRAPH_SUBSCRIPTIONS must be "sse" or "ws"/],
      ['GATEWAY_QUERY_PLANNER', 'go', /GATEWAY_QUERY_PLANNER must be "js" or "rust"/],
      ['TRUST_PROXY', 'maybe', /TRUST_PROXY must be true or false/],
      ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
      ['GRAPHQL_MAX_COST', '0', /GRAPHQL_MAX_COST must be an integer from 1/],
      ['GRAPHQL_MAX_MUTATION_FIELDS', 'many', /GRAPHQL_MAX_MUTATION_FIELDS must be an integer/],
      ['GATEWAY_MAX_SUBSCRIPTIONS_PER_USER', '-1', /GATEWAY_MAX_SUBSCRIPTIONS_PER_USER must be an integer/],
      ['METRICS_PORT', '70000', /METRICS_PORT must be an integer from 0 to 65535/],
    ]) {
      assert.throws(() => readConfig({ [name]: value }), message, name);
    }
  });
});

describe('rate limiter', () => {
  it('Take_PastTheMax_RefusesUntilTheWindowEnds', () => {
    const limiter = new RateLimiter(1000);
    const t0 = 1_000_000;

    const taken = [1, 2, 3].map(() => limiter.take('a', 2, t0).allowed);
    const refused = limiter.take('a', 2, t0 + 400);
    const otherKey = limiter.take('b', 2, t0 + 400).allowed;
    const nextWindow = limiter.take('a', 2, t0 + 1000).allowed;
    limiter.dispose();

    assert.deepEqual(taken, [true, true, false]);
    assert.deepEqual(refused, { allowed: false, remaining: 0, resetMs: 600 });
    assert.equal(otherKey, true);
    assert.equal(nextWindow, true);
  });

  it('ClientAddress_ForwardedFor_TakesTheHopTheTrustedProxyAdded', () => {
    // The client wrote "6.6.6.6"; the proxy appended the address it saw, 203.0.113.9.
    const context = { req: { socket: { remoteAddress: '10.0.0.5' }, headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } } };

    assert.equal(clientAddress(context, false), '10.0.0.5');
    assert.equal(clientAddress(context, true), '203.0.113.9');
  });

  it('AddressKey_Ipv6_CountsTheWhole64', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:ffff:1:2:3'));
    assert.equal(addressKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('::ffff:203.0.113.9'), '::ffff:203.0.113.9');
  });

  it('RateLimiter_ManyCallers_KeepsAtMostItsBound', () => {
    const limiter = new RateLimiter(60_000, 100);
    const t0 = 1_000_000;

    for (let i = 0; i < 1_000; i++) limiter.take(`address:198.51.100.${i}`, 5, t0);
    const size = limiter.size;
    const newest = limiter.take('address:198.51.100.999', 1, t0).allowed;
    limiter.dispose();

    assert.equal(size, 100);
    // The newest callers are still counted: 999 already used its one request.
    assert.equal(newest, false);
  });
});

describe('logs', () => {
  it('Redact_TokensAndSecretKeys_AreReplaced', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

    const out = redact({
      headers: { authorization: `Bearer ${jwt}`, accept: 'application/json' },
      connectionParams: { Authorization: jwt },
      message: `token was ${jwt}`,
      nested: [{ password: 'hunter2', user: 'ann' }],
      error: new Error(`bad ${jwt}`),
    });

    assert.deepEqual(out.headers, { authorization: '[redacted]', accept: 'application/json' });
    assert.equal(out.connectionParams, '[redacted]');
    assert.equal(out.message, 'token was [redacted]');
    assert.deepEqual(out.nested, [{ password: '[redacted]', user: 'ann' }]);
    assert.equal(out.error.message, 'bad [redacted]');
    assert.doesNotMatch(JSON.stringify(out), /eyJ/);
  });

  it('Redact_PayloadsInlineSecretsAndQueryStrings_AreRemoved', () => {
    const out = redact({
      query: 'mutation { login(input: { email: "ann@example.com", password: "hunter2" }) { accessToken } }',
      request: { body: '{"query":"...","variables":{"input":{"password":"hunter2"}}}', url: 'http://users:5001/graphql?query=q&variables=%7B%7D' },
      variables: { input: { email: 'ann@example.com' } },
      message: 'upstream said {"secret":"s3"}',
    });

    assert.equal(out.query, 'mutation { login(input: { email: "ann@example.com", password: "[redacted]" }) { accessToken } }');
    assert.deepEqual(out.request, { body: '[omitted]', url: 'http://users:5001/graphql?[omitted]' });
    assert.equal(out.variables, '[omitted]');
    assert.equal(out.message, 'upstream said {"secret":"[redacted]"}');
  });
});

describe('connection_init', () => {
  it('AuthorizationFromConnectionParams_TheShapesClientsSend_AreRead', () => {
    assert.equal(authorizationFromConnectionParams({ Authorization: 'Bearer t1' }), 'Bearer t1');
    assert.equal(authorizationFromConnectionParams({ authorization: 'bearer t2' }), 'bearer t2');
    assert.equal(authorizationFromConnectionParams({ Authorization: 't3' }), 'Bearer t3');
    assert.equal(authorizationFromConnectionParams({ token: 't4' }), 'Bearer t4');
    assert.equal(authorizationFromConnectionParams({ headers: { Authorization: 'Bearer t5' } }), 'Bearer t5');
    assert.equal(authorizationFromConnectionParams({ headers: { headers: { token: 't6' } } }), undefined);
    assert.equal(authorizationFromConnectionParams({}), undefined);
    assert.equal(authorizationFromConnectionParams(undefined), undefined);
  });
});
