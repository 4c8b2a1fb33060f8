// Shop's gateway: Hive Gateway over supergraph.graphql on http://$GATEWAY_HOST:$GATEWAY_PORT/graphql
// (GraphQL over HTTP and SSE, graphql-transport-ws), Banana Cake Pop for browsers, /healthcheck and
// /readiness; /metrics on its own listener (METRICS_HOST:METRICS_PORT). Settings come from the
// environment (config.mjs, README "Gateway").
import { access } from 'node:fs/promises';
import { startGateway } from './app.mjs';
import { readConfig } from './config.mjs';
import { createLogger } from './logger.mjs';

let config;
try {
  config = readConfig();
} catch (error) {
  console.error(`gateway: ${error.message}`);
  process.exit(2);
}
const log = createLogger(config.logLevel);

try {
  await access(config.supergraphPath);
} catch {
  log.error({ path: config.supergraphPath }, 'no supergraph to serve; run ./shop compose');
  process.exit(2);
}

let gateway;
try {
  gateway = await startGateway(config, log);
} catch (error) {
  log.error({ error, host: config.host, port: config.port }, 'cannot start');
  process.exit(1);
}
log.info({
  url: gateway.url,
  metrics: gateway.metricsUrl,
  supergraph: config.supergraphPath,
  subgraphs: config.subgraphUrls,
  subscriptionsToSubgraphs: config.subscriptions,
  jwks: config.auth.jwksUrl.toString(),
  corsOrigins: config.corsOrigins,
  rateLimit: config.rateLimit,
  limits: config.limits,
  subscriptionCaps: config.subscriptionCaps,
  development: config.development,
}, 'gateway listening');

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  // Open streams get a moment to end; then the process goes regardless.
  setTimeout(() => process.exit(0), 5000).unref();
  await gateway.close();
  process.exit(0);
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
