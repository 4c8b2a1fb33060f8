import { createServer } from 'node:http';

/**
 * Serves the registry's metrics at `GET /metrics` on their own listener (METRICS_HOST:METRICS_PORT,
 * loopback by default), apart from the public one: request counts and timings are for the
 * operator's scraper, not for every client.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startMetricsServer({ host, port }, registry, log) {
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    registry.metrics().then((text) => {
      res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : text);
    }, (error) => {
      log.error({ error }, 'metrics could not be collected');
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected.');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    url: `http://${host}:${server.address().port}/metrics`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
