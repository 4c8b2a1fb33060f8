// ZaloPay's callback reaches the payments service through the gateway, so one public origin serves
// GraphQL, Banana Cake Pop and the callback. The body is forwarded byte for byte: the payments
// service verifies ZaloPay's signature over exactly what ZaloPay sent.
import { clientAddress } from './rate-limit.mjs';

export const CALLBACK_PATH = '/payments/zalopay/callback';

/** Far above a real callback (a few hundred bytes); the payments service caps lower still. */
const MAX_BODY_BYTES = 64 * 1024;
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * A request handler forwarding `POST /payments/zalopay/callback` to `target`, answering with the
 * payments service's status, content type and body. Anything it cannot forward gets a JSON reply
 * whose return_code is not 1, so ZaloPay calls again.
 */
export function createCallbackForwarder({ target, trustProxy, log }) {
  return async function forwardCallback(req, res) {
    if (req.method !== 'POST') {
      return reply(res, 405, 'Only POST is accepted here.', { allow: 'POST' });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      req.resume();
      return reply(res, 413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    }

    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      return reply(res, error.status ?? 400, error.message);
    }

    const headers = { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' };
    const address = clientAddress({ req }, trustProxy);
    if (address !== 'unknown') headers['x-forwarded-for'] = address;
    let upstream;
    try {
      upstream = await fetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    } catch (error) {
      log.warn({ error: error.message }, 'the ZaloPay callback could not reach the payments service');
      return reply(res, 502, 'The payments service is unavailable; try again.');
    }
    const answer = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'content-length': answer.length,
    });
    res.end(answer);
  };
}

/** The callback URL of the payments service whose GraphQL endpoint is `paymentsGraphQLUrl`. */
export function callbackTarget(paymentsGraphQLUrl) {
  return new URL('/zalopay/callback', paymentsGraphQLUrl).toString();
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(Object.assign(new Error(`The body is larger than ${MAX_BODY_BYTES} bytes.`), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res, status, message, extraHeaders = {}) {
  const body = JSON.stringify({ return_code: 0, return_message: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}
