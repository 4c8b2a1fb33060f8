import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fromNewAddress, startPlatform } from './support.mjs';

let platform;
before(async () => {
  platform = await startPlatform({ TRUST_PROXY: 'true' });
});
after(() => platform.close());

const nestedList = (depth) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('parse nesting', () => {
  it('Query_ListLiteralNested2000Deep_Is400NotAStackOverflow', async () => {
    const { status, body } = await platform.post(`{ headerSeen(name: ${nestedList(2000)}) }`, { headers: fromNewAddress() });

    assert.equal(status, 400);
    assert.equal(body.errors[0].message, 'The document is nested deeper than 64 levels (GRAPHQL_MAX_NESTING).');
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
  });

  it('Query_SelectionsNested2000Deep_Is400', async () => {
    const { status, body } = await platform.post(`${'{ a '.repeat(2000)}${'}'.repeat(2000)}`, { headers: fromNewAddress() });

    assert.equal(status, 400);
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
  });

  it('Variables_ListNested2000Deep_Is400', async () => {
    const variables = { name: JSON.parse(nestedList(2000)) };

    const { status, body } = await platform.post('query ($name: String!) { headerSeen(name: $name) }', { headers: fromNewAddress(), variables });

    assert.equal(status, 400);
    assert.equal(body.errors[0].message, 'The variables are nested deeper than 64 levels (GRAPHQL_MAX_NESTING).');
    assert.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
  });

  it('Query_BracketsInsideStringsAndComments_AreNotCounted', async () => {
    const text = '['.repeat(200);
    const { status, body } = await platform.post(`# ${'{'.repeat(200)}\n{ headerSeen(name: "${text}") }`, { headers: fromNewAddress() });

    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.data.headerSeen, null);
  });
});

describe('cross-site requests', () => {
  const evil = { origin: 'https://evil.example' };

  it('FormEncodedMutation_FromAnotherOrigin_Is403AndRunsNothing', async () => {
    const calls = platform.productCalls.length;

    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { ...evil, ...fromNewAddress(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'mutation { register(email: "victim@example.com") }' }).toString(),
    });
    const body = await response.json();

    assert.equal(response.status, 403);
    assert.equal(body.errors[0].extensions.code, 'CSRF_REFUSED');
    assert.match(body.errors[0].message, /^A form, multipart or text\/plain body runs no operation/);
    assert.equal(platform.productCalls.length, calls);
  });

  it('TextPlainAndMultipartBodies_Are403AndRunNothing', async () => {
    const calls = platform.productCalls.length;
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation { touch }' }));
    form.set('map', '{}');

    const textPlain = await fetch(platform.url, {
      method: 'POST',
      headers: { ...evil, ...fromNewAddress(), 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { touch }' }),
    });
    const multipart = await fetch(platform.url, { method: 'POST', headers: { ...evil, ...fromNewAddress() }, body: form });

    assert.equal(textPlain.status, 403);
    assert.equal(multipart.status, 403);
    assert.equal(platform.productCalls.length, calls);
  });

  it('GetQuery_StillWorksAndGetMutation_IsRefused', async () => {
    const calls = platform.productCalls.length;

    const query = await fetch(`${platform.url}?query=${encodeURIComponent('{ greeting }')}`, { headers: { ...evil, ...fromNewAddress() } });
    const mutation = await fetch(`${platform.url}?query=${encodeURIComponent('mutation { touch }')}`, { headers: { ...evil, ...fromNewAddress() } });

    assert.equal(query.status, 200);
    assert.deepEqual((await query.json()).data, { greeting: 'hello' });
    assert.equal(mutation.status, 405);
    assert.equal(platform.productCalls.length, calls);
  });

  it('JsonMutation_Runs', async () => {
    // application/json is not a simple content type: a browser asks first, and CORS answers.
    const { status, body } = await platform.post('mutation { touch }', { headers: fromNewAddress() });

    assert.equal(status, 200);
    assert.equal(typeof body.data.touch, 'number');
  });
});
