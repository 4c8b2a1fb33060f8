// Shop access tokens for the gateway's tests: a JWKS endpoint on a loopback port publishing an RS256
// and an ES256 key, and a third key it does not publish until rotated in.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { listen } from './fake-subgraphs.mjs';

/** Signing keys (an RS256 and an ES256 one published in the JWKS, an RS256 one that is not). */
export async function startJwks() {
  const keys = {};
  for (const [kid, alg] of [['rsa', 'RS256'], ['ec', 'ES256'], ['rogue', 'RS256']]) {
    const pair = await generateKeyPair(alg, { extractable: true });
    keys[kid] = { alg, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' } };
  }
  const published = ['rsa', 'ec'];
  let fetches = 0;
  const server = createServer((req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published.map((kid) => keys[kid].jwk) }));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    /** Starts publishing the unpublished key, as the users service does with a new signing key. */
    rotate: () => { if (!published.includes('rogue')) published.push('rogue'); },
    get fetches() { return fetches; },
    /** A Shop access token; `kid` picks the key, the rest override claims and header. */
    async token({ kid = 'rsa', sub = 'user-1', role = 'CUSTOMER', expiresIn = 300, issuer = 'shop-users', audience = 'shop', headerKid } = {}) {
      const key = keys[kid];
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ role, email: `${sub}@example.com` })
        .setProtectedHeader({ alg: key.alg, kid: headerKid ?? kid, typ: 'JWT' })
        .setSubject(sub).setIssuer(issuer).setAudience(audience)
        .setIssuedAt(now - 60).setExpirationTime(now + expiresIn)
        .sign(key.privateKey);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** An unsigned token claiming to be an admin: `alg: none`. */
export function unsignedToken(sub = 'intruder') {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub, role: 'ADMIN', iss: 'shop-users', aud: 'shop', exp: now + 300 })}.`;
}
