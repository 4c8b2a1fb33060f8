import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startPlatform } from './support.mjs';

/** A stand-in payments service recording exactly what reached it, answering what the test says. */
async function startPayments() {
  const received = [];
  let answer = { status: 200, body: '{"return_code":1,"return_message":"success"}' };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/zalopay/callback`,
    received,
    answerWith(status, body) {
      answer = { status, body };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let payments;
let platform;
before(async () => {
  payments = await startPayments();
  platform = await startPlatform({ PAYMENTS_CALLBACK_URL: payments.url });
});
after(async () => {
  await platform.close();
  await payments.close();
});

const callbackUrl = () => `${platform.base}/payments/zalopay/callback`;

describe('ZaloPay callback', () => {
  it('Callback_IsForwardedByteForByte_AndTheAnswerComesBack', async () => {
    // Escapes, non-ASCII, odd spacing and a byte that is not UTF-8: a re-encoding would change the MAC input.
    const body = Buffer.concat([
      Buffer.from('{"data":"{\\"app_id\\":2553,\\"item\\":\\"[{\\\\\\"itemname\\\\\\":\\\\\\"Cà phê\\\\\\"}]\\"}" ,\n "mac":"ab", "type":1 }  ', 'utf8'),
      Buffer.from([0xff]),
    ]);
    payments.answerWith(200, '{"return_code":-1,"return_message":"mac not equal"}');

    const response = await fetch(callbackUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    const forwarded = payments.received.at(-1);
    assert.equal(forwarded.method, 'POST');
    assert.equal(forwarded.url, '/zalopay/callback');
    assert.equal(forwarded.headers['content-type'], 'application/json');
    assert.ok(forwarded.body.equals(body), 'the body reached the payments service unchanged');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { return_code: -1, return_message: 'mac not equal' });
  });

  it('Callback_ForwardsOnlyTheContentTypeAndTheClientAddress', async () => {
    await fetch(callbackUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret', cookie: 'session=1' },
      body: '{}',
    });

    const forwarded = payments.received.at(-1);
    assert.equal(forwarded.headers.authorization, undefined);
    assert.equal(forwarded.headers.cookie, undefined);
    assert.equal(forwarded.headers['x-forwarded-for'], '127.0.0.1');
  });

  it('Callback_OtherMethods_Are405AndNotForwarded', async () => {
    const before = payments.received.length;

    const response = await fetch(callbackUrl());

    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal(payments.received.length, before);
  });

  it('Callback_OversizedBody_Is413AndNotForwarded', async () => {
    const before = payments.received.length;

    const response = await fetch(callbackUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(70_000) });

    assert.equal(response.status, 413);
    assert.notEqual((await response.json()).return_code, 1);
    assert.equal(payments.received.length, before);
  });

  it('Callback_PaymentsDown_Is502WithANonSuccessCode', async () => {
    const down = await startPlatform({ PAYMENTS_CALLBACK_URL: 'http://127.0.0.1:1/zalopay/callback' });
    try {
      const response = await fetch(`${down.base}/payments/zalopay/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

      assert.equal(response.status, 502);
      assert.equal((await response.json()).return_code, 0);
    } finally {
      await down.close();
    }
  });
});
