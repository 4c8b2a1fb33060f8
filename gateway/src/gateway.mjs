import { createGatewayRuntime, usePrometheus } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { Counter, Registry } from 'prom-client';
import { createTokenVerifier, useShopAuth } from './auth.mjs';
import { useBananaCakePop } from './bcp.mjs';
import { useCsrfGuard } from './csrf.mjs';
import { useOperationLimits } from './limits.mjs';
import { useNestingLimit } from './nesting.mjs';
import { clientAddress, createRateLimit } from './rate-limit.mjs';
import { useResponseSizeLimit } from './response-size.mjs';
import { rustUnifiedGraphHandler, useRustPlannerEventData } from './rust-planner.mjs';
import { useSubscriptionCaps } from './subscription-caps.mjs';
import { useSubgraphErrors } from './subgraph-errors.mjs';
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

/**
 * Subgraph errors counted per subgraph and operation type. The plugin's own counter labels them
 * with the client's operation name whatever `labels` says, so it is replaced by this one.
 */
function subgraphErrorsCounter(registry) {
  return {
    counter: new Counter({
      name: 'graphql_gateway_subgraph_execute_errors',
      help: 'Number of errors on subgraph execution',
      labelNames: ['subgraphName', 'operationType'],
      registers: [registry],
    }),
    fillLabelsFn: ({ subgraphName, executionRequest }) => ({ subgraphName, operationType: executionRequest.operationType || 'query' }),
    phases: ['subgraphExecute'],
    shouldObserve: () => true,
  };
}

/**
 * The Hive Gateway runtime serving the supergraph with Shop's security and IDE; its metrics go to
 * `registry`, served apart from the public listener (metrics.mjs).
 */
export function createShopGateway(config, log) {
  const verifier = createTokenVerifier(config.auth);
  const registry = new Registry();
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
    // Loaded only when chosen: the Rust planner is a native addon the JavaScript one does not need.
    ...(config.queryPlanner === 'rust' ? { unifiedGraphHandler: rustUnifiedGraphHandler } : {}),
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
        registry,
        endpoint: false,
        metrics: { graphql_gateway_subgraph_execute_errors: subgraphErrorsCounter(registry) },
        // No label a client chooses: a GET's URL (variables included), an operation name or an
        // error's path (made of the client's aliases) would each become a new series, kept for
        // ever; one client could grow the metrics without bound.
        labels: { url: false, operationName: false, path: false, fetchRequestHeaders: false, fetchResponseHeaders: false },
      }),
      useSubgraphErrors(),
      ...(config.queryPlanner === 'rust' ? [useRustPlannerEventData()] : []),
      useCsrfGuard(),
      useShopAuth(verifier),
      rateLimit.plugin,
      useNestingLimit(config.limits.maxNesting),
      maxTokensPlugin({ n: config.limits.maxTokens }),
      maxDepthPlugin({
        n: config.limits.maxDepth,
        // Reported as a validation error with a code, not armor's thrown "Syntax Error: …".
        propagateOnRejection: false,
        onReject: [(validation, error) => validation?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }))],
      }),
      useOperationLimits(config.limits),
      useResponseSizeLimit(config.limits.maxResponseBytes),
      useSubscriptionCaps({
        ...config.subscriptionCaps,
        trustProxy: config.rateLimit.trustProxy,
        clockToleranceSeconds: config.auth.clockToleranceSeconds,
      }),
      ...(config.development ? [] : [blockFieldSuggestionsPlugin()]),
    ],
  });
  return { runtime, verifier, rateLimit, registry };
}
