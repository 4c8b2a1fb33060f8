// Real parts for the gateway's tests: two small federated subgraphs on loopback ports (GraphQL
// over HTTP and SSE by Yoga, graphql-transport-ws by graphql-ws), a JWKS endpoint with keys made
// here, and the gateway itself started in-process on a free port.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { WebSocketServer } from 'ws';
import { startGateway } from '../src/app.mjs';
import { compose } from '../src/composition.mjs';
import { readConfig } from '../src/config.mjs';
import { createLogger } from '../src/logger.mjs';

// The federation plumbing GraphQL.NET prints in `_service { sdl }`; composition must drop it.
const FEDERATION = `
  scalar _Any
  type _Service { sdl: String }
  directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @link(url: String!, import: [String]) repeatable on SCHEMA
`;

export const PRODUCTS_SDL = `
schema @link(url: "https://specs.apollo.dev/link/v1.0", import: ["@link"]) @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) {
  query: Query
  subscription: Subscription
}
type Product @key(fields: "id") { id: ID! name: String! }
type Query {
  products: [Product!]!
  authorizationSeen: String
  boom: String
  _service: _Service!
  _entities(representations: [_Any!]!): [_Entity]!
}
type Subscription { ticks(n: Int!): String! }
union _Entity = Product
${FEDERATION}`;

export const USERS_SDL = `
schema @link(url: "https://specs.apollo.dev/link/v1.0", import: ["@link"]) @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) {
  query: Query
}
type Product @key(fields: "id") { id: ID! likedBy: Int! }
type Query {
  greeting: String!
  _service: _Service!
  _entities(representations: [_Any!]!): [_Entity]!
}
union _Entity = Product
${FEDERATION}`;

const PRODUCTS = [{ id: '1', name: 'Kettle' }, { id: '2', name: 'Teapot' }];

/** Who the subgraph sees: the propagated Authorization header, or the connection_init token. */
function seenAuthorization(context) {
  return context.request?.headers.get('authorization') ?? context.connectionParams?.Authorization ?? null;
}

function productsSchema(calls) {
  return createSchema({
    typeDefs: PRODUCTS_SDL,
    resolvers: {
      Query: {
        products: (_, __, context) => { calls.push(seenAuthorization(context)); return PRODUCTS; },
        authorizationSeen: (_, __, context) => seenAuthorization(context),
        boom: () => { throw new Error('kaboom'); },
        _service: () => ({ sdl: PRODUCTS_SDL }),
        _entities: (_, { representations }) => representations.map((r) => PRODUCTS.find((p) => p.id === r.id) ?? null),
      },
      _Entity: { __resolveType: () => 'Product' },
      Subscription: {
        ticks: {
          async* subscribe(_, { n }, context) {
            const who = seenAuthorization(context) ?? 'anonymous';
            for (let i = 1; i <= n; i++) {
              await new Promise((resolve) => { setTimeout(resolve, 10); });
              yield { ticks: `${i}:${who}` };
            }
          },
        },
      },
    },
  });
}

function usersSchema() {
  return createSchema({
    typeDefs: USERS_SDL,
    resolvers: {
      Query: {
        greeting: () => 'hello',
        _service: () => ({ sdl: USERS_SDL }),
        _entities: (_, { representations }) => representations.map((r) => ({ id: r.id, likedBy: Number(r.id) * 7 })),
      },
      _Entity: { __resolveType: () => 'Product' },
    },
  });
}

async function listen(server) {
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return server.address().port;
}

/** A subgraph on a free loopback port: Yoga for HTTP and SSE, graphql-ws for WebSockets. */
async function startSubgraph(schema) {
  const yoga = createYoga({ schema, graphiql: false, logging: false, maskedErrors: false });
  const server = createServer(yoga);
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const sockets = useServer({ schema, context: (ctx) => ({ connectionParams: ctx.connectionParams }) }, wsServer);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      await sockets.dispose();
      server.closeAllConnections();
      await new Promise((resolve) => { server.close(resolve); });
    },
  };
}

/** Signing keys (an RS256 and an ES256 one published in the JWKS, an RS256 one that is not). */
async function startJwks() {
  const keys = {};
  for (const [kid, alg] of [['rsa', 'RS256'], ['ec', 'ES256'], ['rogue', 'RS256']]) {
    const pair = await generateKeyPair(alg, { extractable: true });
    keys[kid] = { alg, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' } };
  }
  const body = JSON.stringify({ keys: [keys.rsa.jwk, keys.ec.jwk] });
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
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
    LOG_LEVEL: 'error',
    ...env,
  });
  const gateway = await startGateway(config, createLogger(config.logLevel));
  const base = gateway.url.replace(/\/graphql$/, '');

  return {
    url: gateway.url,
    base,
    wsUrl: gateway.url.replace(/^http/, 'ws'),
    productCalls,
    token: jwks.token,
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
