import { createGatewayRuntime, usePrometheus } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createTokenVerifier, useShopAuth } from './auth.mjs';
import { useBananaCakePop } from './bcp.mjs';
import { clientAddress, createRateLimit } from './rate-limit.mjs';
import { SUBGRAPHS } from './subgraphs.mjs';

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Where each subgraph is reached (SUBGRAPH_<NAME>_URL, without recomposing) and how subscriptions
 * travel to it: GraphQL over SSE, which carries the propagated Authorization header, or
 * graphql-transport-ws with the caller's token in connection_init.
 */
function transportEntries(config) {
  const subscriptions = config.subscriptions === 'ws'
    ? { kind: 'ws', options: { connectionParams: { Authorization: '{context.caller.authorization}' } } }
    : undefined;
  return Object.fromEntries(Object.keys(SUBGRAPHS).map((name) => [name, {
    location: config.subgraphUrls[name],
    ...(subscriptions ? { options: { subscriptions } } : {}),
  }]));
}

const CORS = {
  credentials: false,
  methods: ['GET', 'POST', 'OPTIONS'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
  exposedHeaders: ['Retry-After', 'WWW-Authenticate'],
  maxAge: 600,
};

/**
 * CORS for the listed origins (`*` for any). Another origin gets no CORS headers at all, so the
 * browser keeps the response from it; tokens travel in a header, so credentials stay off.
 */
function corsPolicy(origins) {
  if (origins.length === 0) return false;
  return (request) => {
    const origin = request.headers.get('origin');
    if (origins.includes('*') || origins.includes(origin)) return { ...CORS, origin: origins.includes('*') ? ['*'] : origins };
    return false;
  };
}

/** The Hive Gateway runtime serving the supergraph with Shop's security, IDE and metrics. */
export function createShopGateway(config, log) {
  const verifier = createTokenVerifier(config.auth);
  const rateLimit = createRateLimit(config.rateLimit, log.child('[rate-limit] '));
  const runtime = createGatewayRuntime({
    supergraph: config.supergraphPath,
    logging: log,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    // Banana Cake Pop is the IDE (useBananaCakePop); the built-in one and the landing page are off.
    graphiql: false,
    landingPage: false,
    maskedErrors: true,
    cors: corsPolicy(config.corsOrigins),
    transportEntries: transportEntries(config),
    // Only the validated token goes on, never whatever else the client sent; and the client's address,
    // so per-address rules in the subgraphs (the users service's login throttle) see the client, not
    // the gateway.
    propagateHeaders: {
      fromClientToSubgraphs: ({ context }) => {
        const headers = {};
        if (context?.caller) headers.authorization = context.caller.authorization;
        const address = context ? clientAddress(context, config.rateLimit.trustProxy) : 'unknown';
        if (address !== 'unknown') headers['x-forwarded-for'] = address;
        return headers;
      },
    },
    plugins: (ctx) => [
      useBananaCakePop(GRAPHQL_ENDPOINT),
      usePrometheus({
        ...ctx,
        endpoint: '/metrics',
        metrics: true,
        // No label a client chooses: a GET's URL (variables included) or an operation name would
        // each become a new series, kept for ever; one client could grow /metrics without bound.
        labels: { url: false, operationName: false, fetchRequestHeaders: false, fetchResponseHeaders: false },
      }),
      useShopAuth(verifier),
      rateLimit.plugin,
      maxTokensPlugin({ n: config.limits.maxTokens }),
      maxDepthPlugin({
        n: config.limits.maxDepth,
        // Reported as a validation error with a code, not armor's thrown "Syntax Error: …".
        propagateOnRejection: false,
        onReject: [(validation, error) => validation?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }))],
      }),
      ...(config.development ? [] : [blockFieldSuggestionsPlugin()]),
    ],
  });
  return { runtime, verifier, rateLimit };
}
