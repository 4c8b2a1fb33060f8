// Two small federated subgraphs for the gateway's tests, on loopback ports: GraphQL over HTTP and
// SSE by Yoga, graphql-transport-ws by graphql-ws. Their SDL has the shape GraphQL.NET prints.
import { createServer } from 'node:http';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

// The federation plumbing GraphQL.NET prints in `_service { sdl }` (composition must drop it),
// and the directive definitions Yoga needs to build these schemas.
const FEDERATION = `
  scalar _Any
  type _Service { sdl: String }
  directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @link(url: String!, import: [String]) repeatable on SCHEMA
`;

export const PRODUCTS_SDL = `
schema @link(url: "https://specs.apollo.dev/link/v1.0", import: ["@link"]) @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) {
  query: Query
  mutation: Mutation
  subscription: Subscription
}
type Product @key(fields: "id") { id: ID! name: String! }
type ProductConnection { totalCount: Int! nodes: [Product!]! }
type Query {
  products: [Product!]!
  productPage(first: Int, after: String): ProductConnection!
  bulky(kilobytes: Int!): [String!]!
  authorizationSeen: String
  forwardedForSeen: String
  headerSeen(name: String!): String
  boom: String
  _service: _Service!
  _entities(representations: [_Any!]!): [_Entity]!
}
type Mutation { touch: Int! register(email: String!): Int! }
type Subscription { ticks(n: Int!, everyMs: Int, failAt: Int): String! }
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

export function productsSchema(calls) {
  return createSchema({
    typeDefs: PRODUCTS_SDL,
    resolvers: {
      Query: {
        products: (_, __, context) => { calls.push(seenAuthorization(context)); return PRODUCTS; },
        productPage: (_, { first }) => (calls.push('productPage'), {
          totalCount: 1000,
          nodes: Array.from({ length: Math.min(first ?? 20, 1000) }, (_, i) => PRODUCTS[i % PRODUCTS.length]),
        }),
        // An unpaged list whose length the cost model cannot see.
        bulky: (_, { kilobytes }) => Array.from({ length: kilobytes }, () => 'x'.repeat(1024)),
        authorizationSeen: (_, __, context) => seenAuthorization(context),
        forwardedForSeen: (_, __, context) => context.request?.headers.get('x-forwarded-for') ?? null,
        headerSeen: (_, { name }, context) => context.request?.headers.get(name) ?? null,
        boom: () => { throw new Error('kaboom'); },
        _service: () => ({ sdl: PRODUCTS_SDL }),
        _entities: (_, { representations }) => representations.map((r) => PRODUCTS.find((p) => p.id === r.id) ?? null),
      },
      _Entity: { __resolveType: () => 'Product' },
      Mutation: {
        touch: () => { calls.push('touch'); return calls.length; },
        register: (_, { email }) => { calls.push(`register:${email}`); return calls.length; },
      },
      Subscription: {
        ticks: {
          subscribe(_, { n, everyMs = 10, failAt }, context) {
            // A refusal before the first event, as the orders subgraph refuses another customer's order.
            if (n < 0) throw new GraphQLError('No such order to watch.', { extensions: { code: 'NOT_FOUND' } });
            return tick(n, everyMs, failAt, context);
          },
        },
      },
    },
  });
}

// Each event tells how the gateway came (SSE request or WebSocket) and with what token; event
// `failAt` is an error of its own (the stream goes on), as one event of a live feed can fail.
async function* tick(n, everyMs, failAt, context) {
  const via = context.connectionParams ? 'ws' : 'sse';
  const who = seenAuthorization(context) ?? 'anonymous';
  for (let i = 1; i <= n; i++) {
    await new Promise((resolve) => { setTimeout(resolve, everyMs); });
    yield { ticks: i === failAt ? new GraphQLError(`Tick ${i} was lost.`, { extensions: { code: 'TICK_LOST' } }) : `${i}:${via}:${who}` };
  }
}

export function usersSchema() {
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

export async function listen(server) {
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return server.address().port;
}

/** A subgraph on a free loopback port: Yoga for HTTP and SSE, graphql-ws for WebSockets. */
export async function startSubgraph(schema) {
  const yoga = createYoga({ schema, graphiql: false, logging: false, maskedErrors: false });
  const server = createServer(yoga);
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const sockets = useServer({ schema, context: (ctx) => ({ connectionParams: ctx.connectionParams }) }, wsServer);
  const port = await listen(server);
  let webSocketsOpened = 0;
  wsServer.on('connection', () => { webSocketsOpened += 1; });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    /** WebSocket connections the gateway has opened to this subgraph, ever and now. */
    webSockets: () => ({ opened: webSocketsOpened, open: wsServer.clients.size }),
    async close() {
      await sockets.dispose();
      server.closeAllConnections();
      await new Promise((resolve) => { server.close(resolve); });
    },
  };
}
