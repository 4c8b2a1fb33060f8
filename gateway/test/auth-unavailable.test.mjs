// The users service's keys out of reach: a token the gateway cannot check is the server's trouble,
// not the caller's: 503 AUTH_UNAVAILABLE with Retry-After over HTTP, close 1013 (try again later)
// over WebSocket; anonymous requests are still served.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fromNewAddress, startPlatform, wsClient } from './support.mjs';

let platform;
before(async () => {
  // Nothing listens on port 1.
  platform = await startPlatform({ TRUST_PROXY: 'true', JWKS_URL: 'http://127.0.0.1:1/.well-known/jwks.json' });
});
after(() => platform.close());

describe('keys unreachable', () => {
  it('Post_WithTokenWhileKeysUnreachable_Is503AuthUnavailableAndReachesNoSubgraph', async () => {
    const token = await platform.token();
    const callsBefore = platform.productCalls.length;

    const { status, headers, body } = await platform.post('{ products { id } }', { headers: { authorization: `Bearer ${token}`, ...fromNewAddress() } });

    assert.equal(status, 503);
    assert.equal(headers.get('retry-after'), '5');
    assert.equal(body.errors[0].extensions.code, 'AUTH_UNAVAILABLE');
    assert.equal(platform.productCalls.length, callsBefore);
  });

  it('Post_AnonymousWhileKeysUnreachable_IsServed', async () => {
    const { status, body } = await platform.post('{ greeting }', { headers: fromNewAddress() });

    assert.equal(status, 200);
    assert.equal(body.data.greeting, 'hello');
  });

  it('WebSocket_TokenInConnectionInitWhileKeysUnreachable_Closes1013', async () => {
    const token = await platform.token();
    const { client, closes, closed } = wsClient(platform, { Authorization: `Bearer ${token}` });

    const subscription = client.iterate({ query: '{ greeting }' });
    await assert.rejects(subscription.next());
    await closed;
    await client.dispose();

    assert.equal(closes[0].code, 1013);
    assert.match(closes[0].reason, /cannot be verified right now/);
  });
});
