import { createServer } from 'node:http';
import { CALLBACK_PATH, createCallbackForwarder } from './callback.mjs';
import { GRAPHQL_ENDPOINT, createShopGateway } from './gateway.mjs';
import { startMetricsServer } from './metrics.mjs';
import { attachWebSockets } from './websocket.mjs';

// Health probes and IDE assets would drown the requests that matter in the access log.
const QUIET_PATHS = new Set(['/healthcheck', '/readiness']);

/**
 * Starts the gateway on `config.host:config.port` (0 picks a free port): HTTP and SSE through the
 * Hive Gateway runtime, graphql-transport-ws on the same path; metrics on `config.metrics`.
 * @returns {Promise<{ url: string, port: number, metricsUrl: string, close: () => Promise<void> }>}
 */
export async function startGateway(config, log) {
  const { runtime, verifier, rateLimit, registry } = createShopGateway(config, log);
  const accessLog = log.child('[http] ');
  const forwardCallback = createCallbackForwarder({
    target: config.paymentsCallbackUrl,
    trustProxy: config.rateLimit.trustProxy,
    log: log.child('[zalopay-callback] '),
  });

  const { headersTimeoutMs, requestTimeoutMs } = config.connections;
  const server = createServer({
    headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: 65_000,
    // How often Node looks for clients past those timeouts.
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
  }, (req, res) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const path = req.url?.split('?')[0];
      if (QUIET_PATHS.has(path) || path?.startsWith(`${GRAPHQL_ENDPOINT}/`)) return;
      accessLog.info({
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        client: req.socket.remoteAddress,
      }, 'request');
    });
    if (req.url?.split('?')[0] === CALLBACK_PATH) {
      forwardCallback(req, res);
      return;
    }
    runtime(req, res);
  });

  // The supergraph is loaded before the first client is taken: an operation arriving over a
  // WebSocket before it was loaded failed with an internal error.
  await runtime.getSchema();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  let metrics;
  try {
    metrics = await startMetricsServer(config.metrics, registry, log.child('[metrics] '));
  } catch (error) {
    server.close();
    await runtime.dispose();
    throw error;
  }
  // Attached once listening: the WebSocket server would report a failed listen as its own error.
  const closeWebSockets = attachWebSockets({
    server,
    runtime,
    verifier,
    rateLimit,
    log: log.child('[ws] '),
    path: GRAPHQL_ENDPOINT,
    clockToleranceSeconds: config.auth.clockToleranceSeconds,
    maxPayload: config.connections.maxWebSocketMessageBytes,
  });

  let closing;
  async function close() {
    closing ??= (async () => {
      server.closeIdleConnections();
      const closed = new Promise((resolve) => server.close(() => resolve()));
      await closeWebSockets();
      server.closeAllConnections();
      await closed;
      await metrics.close();
      await runtime.dispose();
    })();
    return closing;
  }

  return { url: `http://${config.host}:${port}${GRAPHQL_ENDPOINT}`, port, metricsUrl: metrics.url, close };
}
