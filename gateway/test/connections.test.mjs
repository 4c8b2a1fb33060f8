import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { startPlatform } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ GATEWAY_HEADERS_TIMEOUT_SECONDS: '1', GATEWAY_REQUEST_TIMEOUT_SECONDS: '2', GATEWAY_MAX_WS_MESSAGE_BYTES: '65536' });
});
after(() => platform?.close());

/** Opens a raw socket, writes `text`, and resolves with how long the server took to close it. */
function trickle(text, giveUpMs) {
  const { port } = new URL(platform.base);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve(Date.now() - started));
    setTimeout(() => { socket.destroy(); resolve(Infinity); }, giveUpMs).unref();
  });
}

describe('slow and oversized clients', () => {
  it('PartialHeaders_AreCutOffAfterTheHeadersTimeout', async () => {
    const closedAfter = await trickle('POST /graphql HTTP/1.1\r\nHost: shop\r\nX-Slow: ', 10_000);

    assert.ok(closedAfter < 5_000, `still open after ${closedAfter} ms`);
  });

  it('PartialBody_IsCutOffAfterTheRequestTimeout', async () => {
    const head = 'POST /graphql HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":';
    const closedAfter = await trickle(head, 10_000);

    assert.ok(closedAfter < 6_000, `still open after ${closedAfter} ms`);
  });

  it('WebSocket_MessageOverTheLimit_ClosesWith1009BeforeInit', async () => {
    const socket = new WebSocket(platform.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });

    const closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    const stillOpen = new Promise((resolve) => { setTimeout(() => resolve('still open'), 5_000).unref(); });
    socket.send('x'.repeat(200_000));

    const outcome = await Promise.race([closed, stillOpen]);
    socket.terminate();
    assert.equal(outcome, 1009);
  });
});
