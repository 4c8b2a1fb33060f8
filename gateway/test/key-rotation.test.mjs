// The users service starts signing with a new key: the first token with it makes the gateway fetch
// the key set again (after a 5 s cooldown since the last fetch) and is served; made-up key ids
// cannot make it fetch more often than that.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { fromNewAddress, startPlatform } from './support.mjs';

const COOLDOWN_MS = 5000;

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true' });
});
after(() => platform.close());

describe('signing key rotation', () => {
  it('NewKey_FirstTokenWithIt_IsServedAndUnknownKidsFetchAtMostOncePerCooldown', async () => {
    const known = await platform.token({ sub: 'before' });
    assert.equal((await platform.post('{ greeting }', { headers: { authorization: `Bearer ${known}`, ...fromNewAddress() } })).status, 200);
    const forged = await platform.token({ kid: 'rogue', sub: 'forger' });
    const fetchesBefore = platform.jwks.fetches;

    // Right after a fetch: unknown kids are refused without fetching again, however many.
    const refused = await Promise.all(Array.from({ length: 20 }, () =>
      platform.post('{ greeting }', { headers: { authorization: `Bearer ${forged}`, ...fromNewAddress() } })));
    const fetchesDuringCooldown = platform.jwks.fetches - fetchesBefore;

    platform.jwks.rotate();
    await sleep(COOLDOWN_MS + 200);
    const rotated = await platform.token({ kid: 'rogue', sub: 'after-rotation' });
    const served = await platform.post('{ authorizationSeen }', { headers: { authorization: `Bearer ${rotated}`, ...fromNewAddress() } });

    assert.ok(refused.every((r) => r.status === 401));
    assert.equal(fetchesDuringCooldown, 0);
    assert.equal(served.status, 200);
    assert.equal(served.body.data.authorizationSeen, `Bearer ${rotated}`);
  });
});
