// The verifier keeps the tokens it verified, by their exact text, until they expire: a signed-in
// client's next requests skip the signature check. Against the fake JWKS on a loopback port.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createTokenVerifier } from '../src/auth.mjs';
import { startJwks } from './fake-jwks.mjs';

let jwks;
before(async () => { jwks = await startJwks(); });
after(() => jwks.close());

const verifierFor = (options = {}) => createTokenVerifier({
  jwksUrl: new URL(jwks.url), issuer: 'shop-users', audience: 'shop', clockToleranceSeconds: 0, ...options,
});

describe('verified tokens', () => {
  it('VerifyToken_SameTokenAgain_AnsweredFromTheCache', async () => {
    const verifier = verifierFor();
    const token = await jwks.token({ sub: 'cached' });

    const first = await verifier.verifyToken(token);
    const second = await verifier.verifyToken(token);

    assert.equal(first.sub, 'cached');
    // The very caller verified the first time: no second signature check made a new one.
    assert.equal(second, first);
  });

  it('VerifyToken_CachedTokenPastItsExpiry_IsRefusedAsExpired', async () => {
    const verifier = verifierFor();
    const token = await jwks.token({ sub: 'short-lived', expiresIn: 2 });
    await verifier.verifyToken(token);

    // exp is in whole seconds: 2 s from issue, waited past it.
    await sleep(3100);

    await assert.rejects(verifier.verifyToken(token), { message: 'Invalid access token: it has expired.', status: 401 });
  });

  it('VerifyToken_TokenDifferingByOneCharacter_IsVerifiedOnItsOwn', async () => {
    const verifier = verifierFor();
    const token = await jwks.token({ sub: 'exact' });
    await verifier.verifyToken(token);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');

    await assert.rejects(verifier.verifyToken(tampered), { status: 401 });
  });

  it('VerifyToken_MoreTokensThanTheBound_OldestIsVerifiedAgain', async () => {
    const verifier = verifierFor({ maxVerifiedTokens: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => jwks.token({ sub })));
    const firstA = await verifier.verifyToken(a);
    const firstC = await verifier.verifyToken(b).then(() => verifier.verifyToken(c));

    const againA = await verifier.verifyToken(a);
    const againC = await verifier.verifyToken(c);

    assert.notEqual(againA, firstA);
    assert.equal(againA.sub, 'a');
    assert.equal(againC, firstC);
  });
});
