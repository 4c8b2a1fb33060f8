// What the gateway's per-request checks cost, in process: the nesting scan, the cost/alias/
// directive/mutation-field measure and the response-size serialization, for the storefront's
// operations against the real supergraph, and a token's verification, first and again. Prints
// microseconds per call; never a pass/fail gate.
//   node bench/checks.mjs [--iterations N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSchema, parse } from 'graphql';
import { createTokenVerifier } from '../src/auth.mjs';
import { readConfig } from '../src/config.mjs';
import { measureOperation } from '../src/limits.mjs';
import { documentTooDeep, valueTooDeep } from '../src/nesting.mjs';
import { startJwks } from '../test/fake-jwks.mjs';
import { STOREFRONT_SESSION } from '../test/fixtures/storefront.mjs';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '20000' } } });
const iterations = Number(values.iterations);
const schema = buildSchema(readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'));
const { limits } = readConfig({});
const catalogPage = {
  name: 'gateway bench catalog page',
  query: 'query ($first: Int!, $min: String) { products(first: $first, where: { minPrice: $min }) { totalCount edges { node { id name price { amount } } } } }',
  variables: { first: 10, min: '100' },
};
// A result the size of a 20-product page.
const page = { data: { products: { totalCount: 20, edges: Array.from({ length: 20 }, (_, i) => ({ node: { id: `UHJvZHVjdDo${i}`, name: `Product ${i}`, price: { amount: '129000' } } })) } } };

function time(run) {
  for (let i = 0; i < Math.min(2000, iterations); i++) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

console.log('operation'.padEnd(30), 'nesting µs'.padStart(12), 'measure µs'.padStart(12));
for (const { name, query, variables } of [catalogPage, ...STOREFRONT_SESSION]) {
  const document = parse(query);
  const nesting = time(() => documentTooDeep(query, limits.maxNesting) || valueTooDeep(variables, limits.maxNesting));
  const measure = time(() => measureOperation(schema, document, variables, limits));
  console.log(name.padEnd(30), nesting.toFixed(2).padStart(12), measure.toFixed(2).padStart(12));
}
console.log(`response size check of a 20-product page: ${time(() => Buffer.byteLength(JSON.stringify(page))).toFixed(2)} µs`);

// Token verification against a JWKS on a loopback port: a token's first request checks its
// signature (WebCrypto, asynchronous); the verifier keeps it, so its next requests do not.
const jwks = await startJwks();
for (const kid of ['rsa', 'ec']) {
  const token = await jwks.token({ kid });
  const rounds = Math.min(iterations, 2000);
  let signatures = 0;
  for (let i = 0; i < rounds; i++) {
    // A verifier of its own each time, so every call checks the signature (the key set is fetched once).
    const fresh = createTokenVerifier({ jwksUrl: new URL(jwks.url), issuer: 'shop-users', audience: 'shop', clockToleranceSeconds: 30 });
    await fresh.verifyToken(token);
    const started = process.hrtime.bigint();
    await fresh.verifyToken(await jwks.token({ kid, sub: `user-${i}` }));
    signatures += Number(process.hrtime.bigint() - started);
  }
  const verifier = createTokenVerifier({ jwksUrl: new URL(jwks.url), issuer: 'shop-users', audience: 'shop', clockToleranceSeconds: 30 });
  await verifier.verifyToken(token);
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await verifier.verifyToken(token);
  const cached = Number(process.hrtime.bigint() - started);
  console.log(`token verification (${kid === 'rsa' ? 'RS256' : 'ES256'}): signature checked ${(signatures / 1000 / rounds).toFixed(2)} µs, verified token again ${(cached / 1000 / rounds).toFixed(2)} µs`);
}
await jwks.close();
