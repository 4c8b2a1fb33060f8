import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fromNewAddress, startPlatform, unsignedToken } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true' });
});
after(() => platform.close());

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

    const { status, body } = await platform.post(
      '{ authorizationSeen cookie: headerSeen(name: "cookie") apiKey: headerSeen(name: "x-api-key") }',
      { headers: { authorization: `Bearer ${token}`, cookie: 'session=secret', 'x-api-key': 'secret' } },
    );

    assert.equal(status, 200);
    assert.equal(body.data.authorizationSeen, `Bearer ${token}`);
    assert.equal(body.data.cookie, null);
    assert.equal(body.data.apiKey, null);
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
    ['unknown role', () => platform.token({ role: 'SUPERUSER' }), '"role" claim'],
    ['null role', () => platform.token({ role: null }), '"role" claim'],
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
