// Shop's gateway: Hive Gateway over supergraph.graphql on http://$GATEWAY_HOST:$GATEWAY_PORT/graphql
// (GraphQL over HTTP and SSE, graphql-transport-ws), Banana Cake Pop for browsers, /healthcheck,
// /readiness and /metrics. Settings come from the environment (config.mjs, README "Gateway").
import { access } from 'node:fs/promises';
import { createServer } from 'node:http';
import { readConfig } from './config.mjs';
import { GRAPHQL_ENDPOINT, createShopGateway } from './gateway.mjs';
import { createLogger } from './logger.mjs';
import { attachWebSockets } from './websocket.mjs';

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

const { runtime, verifier, rateLimit } = createShopGateway(config, log);
const accessLog = log.child('[http] ');

const server = createServer({ requestTimeout: 0, keepAliveTimeout: 65_000 }, (req, res) => {
  const started = process.hrtime.bigint();
  res.once('close', () => {
    // Health probes and IDE assets would drown the requests that matter.
    if (req.url === '/healthcheck' || req.url === '/readiness' || req.url?.startsWith(`${GRAPHQL_ENDPOINT}/`)) return;
    accessLog.info({
      method: req.method,
      path: req.url?.split('?')[0],
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      client: req.socket.remoteAddress,
    }, 'request');
  });
  runtime(req, res);
});

const closeWebSockets = attachWebSockets({
  server,
  runtime,
  verifier,
  rateLimit,
  log: log.child('[ws] '),
  path: GRAPHQL_ENDPOINT,
  clockToleranceSeconds: config.auth.clockToleranceSeconds,
});

server.once('error', (error) => {
  log.error({ error, host: config.host, port: config.port }, 'cannot listen');
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  const { port } = server.address();
  log.info({
    url: `http://${config.host}:${port}${GRAPHQL_ENDPOINT}`,
    supergraph: config.supergraphPath,
    subgraphs: config.subgraphUrls,
    subscriptionsToSubgraphs: config.subscriptions,
    jwks: config.auth.jwksUrl.toString(),
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    limits: config.limits,
    development: config.development,
  }, 'gateway listening');
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  const fuse = setTimeout(() => process.exit(0), 5000);
  fuse.unref();
  server.closeIdleConnections();
  const closed = new Promise((resolve) => server.close(() => resolve()));
  await closeWebSockets();
  server.closeAllConnections();
  await closed;
  await runtime.dispose();
  process.exit(0);
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
