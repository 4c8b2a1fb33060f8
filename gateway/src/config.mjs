import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callbackTarget } from './callback.mjs';
import { SUBGRAPHS, subgraphUrl } from './subgraphs.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Origins of the local storefront dev servers; production names its own with CORS_ORIGINS. */
const DEFAULT_CORS_ORIGINS = 'http://localhost:3000,http://127.0.0.1:3000,http://localhost:5173,http://127.0.0.1:5173';

/**
 * Reads the gateway's settings from the environment (README, "Gateway"). A malformed value stops
 * the gateway at start-up with a message naming the variable, rather than running misconfigured.
 */
export function readConfig(env = process.env) {
  const environment = (env.SHOP_ENV || env.NODE_ENV || 'production').trim().toLowerCase();
  // Over graphql-transport-ws one upstream connection carries all of a caller's subscriptions;
  // over SSE each subscription is a stream of its own.
  const subscriptions = (env.SUBGRAPH_SUBSCRIPTIONS || 'ws').trim().toLowerCase();
  if (subscriptions !== 'sse' && subscriptions !== 'ws') {
    throw new Error(`SUBGRAPH_SUBSCRIPTIONS must be "sse" or "ws", got "${env.SUBGRAPH_SUBSCRIPTIONS}".`);
  }

  // Who plans each operation across the subgraphs: Hive Router's Rust planner
  // (@graphql-hive/router-runtime, a native addon), far cheaper per request, or Hive Gateway's
  // JavaScript one, kept to switch back to. README, "Gateway benchmark".
  const queryPlanner = (env.GATEWAY_QUERY_PLANNER || 'rust').trim().toLowerCase();
  if (queryPlanner !== 'js' && queryPlanner !== 'rust') {
    throw new Error(`GATEWAY_QUERY_PLANNER must be "js" or "rust", got "${env.GATEWAY_QUERY_PLANNER}".`);
  }

  const subgraphUrls = Object.fromEntries(Object.keys(SUBGRAPHS).map((name) => [name, subgraphUrl(name, env)]));
  return Object.freeze({
    host: env.GATEWAY_HOST?.trim() || '127.0.0.1',
    port: integer(env, 'GATEWAY_PORT', 4000, 0, 65535),
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH?.trim() || path.join(repositoryRoot, 'supergraph.graphql')),
    development: environment === 'development',
    logLevel: logLevel(env.LOG_LEVEL),
    subgraphUrls,
    paymentsCallbackUrl: httpUrl(env, 'PAYMENTS_CALLBACK_URL', callbackTarget(subgraphUrls.payments)).toString(),
    subscriptions,
    queryPlanner,
    auth: Object.freeze({
      jwksUrl: httpUrl(env, 'JWKS_URL', 'http://127.0.0.1:5001/.well-known/jwks.json'),
      issuer: env.JWT_ISSUER?.trim() || 'shop-users',
      audience: env.JWT_AUDIENCE?.trim() || 'shop',
      clockToleranceSeconds: integer(env, 'JWT_CLOCK_SKEW_SECONDS', 30, 0, 300),
    }),
    corsOrigins: list(env.CORS_ORIGINS ?? DEFAULT_CORS_ORIGINS),
    rateLimit: Object.freeze({
      windowMs: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400) * 1000,
      userMax: integer(env, 'RATE_LIMIT_USER_MAX', 600, 0, 1e9),
      anonymousMax: integer(env, 'RATE_LIMIT_ANONYMOUS_MAX', 300, 0, 1e9),
      trustProxy: boolean(env, 'TRUST_PROXY', false),
    }),
    limits: Object.freeze({
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 15, 1, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 5000, 10, 1e6),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 10_000, 1, 1e12),
      // The page size the subgraphs use when `first` is omitted ("20 when omitted").
      defaultListSize: integer(env, 'GRAPHQL_DEFAULT_LIST_SIZE', 20, 1, 10_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 10_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0, 10_000),
      maxMutationFields: integer(env, 'GRAPHQL_MAX_MUTATION_FIELDS', 3, 1, 1000),
      maxNesting: integer(env, 'GRAPHQL_MAX_NESTING', 64, 4, 10_000),
      maxResponseBytes: integer(env, 'GATEWAY_MAX_RESPONSE_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    }),
    subscriptionCaps: Object.freeze({
      perConnection: integer(env, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION', 10, 1, 10_000),
      perCaller: integer(env, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_USER', 20, 1, 100_000),
    }),
    metrics: Object.freeze({
      host: env.METRICS_HOST?.trim() || '127.0.0.1',
      port: integer(env, 'METRICS_PORT', 9464, 0, 65535),
    }),
    connections: Object.freeze({
      // A client that trickles its headers or body is cut off, so slow clients cannot hold sockets.
      headersTimeoutMs: integer(env, 'GATEWAY_HEADERS_TIMEOUT_SECONDS', 10, 1, 600) * 1000,
      requestTimeoutMs: integer(env, 'GATEWAY_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
      // One WebSocket message, in line with what an HTTP request may carry.
      maxWebSocketMessageBytes: integer(env, 'GATEWAY_MAX_WS_MESSAGE_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    }),
  });
}

function integer(env, name, fallback, min, max) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function boolean(env, name, fallback) {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}".`);
}

function httpUrl(env, name, fallback) {
  const raw = env[name]?.trim() || fallback;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got "${raw}".`);
  }
  return url;
}

function list(raw) {
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function logLevel(raw) {
  const level = (raw || 'info').trim().toLowerCase();
  if (!['trace', 'debug', 'info', 'warn', 'error'].includes(level)) {
    throw new Error(`LOG_LEVEL must be one of trace, debug, info, warn, error; got "${raw}".`);
  }
  return level;
}
