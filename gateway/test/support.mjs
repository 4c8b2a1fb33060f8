// Real parts for the gateway's tests: the fake subgraphs and JWKS, and the gateway itself started
// in-process on a free port over their composed supergraph.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startGateway } from '../src/app.mjs';
import { compose } from '../src/composition.mjs';
import { readConfig } from '../src/config.mjs';
import { createLogger } from '../src/logger.mjs';
import { startJwks } from './fake-jwks.mjs';
import { PRODUCTS_SDL, USERS_SDL, productsSchema, startSubgraph, usersSchema } from './fake-subgraphs.mjs';

export { PRODUCTS_SDL, USERS_SDL } from './fake-subgraphs.mjs';
export { unsignedToken } from './fake-jwks.mjs';

/**
 * Starts the subgraphs, the JWKS and a gateway over their composed supergraph. The supergraph
 * names the default local URLs; the gateway is pointed at the real ports through
 * SUBGRAPH_<NAME>_URL, as a deployment would.
 */
export async function startPlatform(env = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shop-gateway-test-'));
  const composed = compose([{ name: 'products', sdl: PRODUCTS_SDL }, { name: 'users', sdl: USERS_SDL }]);
  if (composed.errors) throw new Error(composed.errors.join('\n'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraph);

  const productCalls = [];
  const products = await startSubgraph(productsSchema(productCalls));
  const users = await startSubgraph(usersSchema());
  const jwks = await startJwks();
  const config = readConfig({
    GATEWAY_PORT: '0',
    SUPERGRAPH_PATH: supergraphPath,
    SUBGRAPH_PRODUCTS_URL: products.url,
    SUBGRAPH_USERS_URL: users.url,
    JWKS_URL: jwks.url,
    METRICS_PORT: '0',
    LOG_LEVEL: 'error',
    // The whole suite runs against either planner: GATEWAY_QUERY_PLANNER=js npm test.
    GATEWAY_QUERY_PLANNER: process.env.GATEWAY_QUERY_PLANNER ?? '',
    ...env,
  });
  const gateway = await startGateway(config, createLogger(config.logLevel));
  const base = gateway.url.replace(/\/graphql$/, '');

  return {
    url: gateway.url,
    base,
    metricsUrl: gateway.metricsUrl,
    wsUrl: gateway.url.replace(/^http/, 'ws'),
    productCalls,
    productsSubgraph: products,
    token: jwks.token,
    jwks,
    /** POSTs one operation; returns status, headers and the parsed body. */
    async post(query, { headers = {}, variables } = {}) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async close() {
      await gateway.close();
      await Promise.all([products.close(), users.close(), jwks.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a GraphQL over SSE response to its end: the `next` payloads in order. */
export async function readSse(response) {
  const text = await response.text();
  return text.split('\n\n')
    .map((block) => block.split('\n'))
    .filter((lines) => lines.includes('event: next'))
    .map((lines) => JSON.parse(lines.find((l) => l.startsWith('data:')).slice(5)));
}

let nextAddress = 1;
/**
 * A client address of its own (the test gateways trust X-Forwarded-For), so one test's requests
 * do not spend another's rate limit.
 */
export const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${nextAddress++}` });

/** A graphql-transport-ws client of the gateway; `closed` settles on the socket's close. */
export function wsClient(platform, connectionParams) {
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

/** Runs one operation to its end; resolves to every result, rejects with the operation's errors. */
export async function collect(client, query) {
  const results = [];
  for await (const result of client.iterate({ query })) results.push(result);
  return results;
}
