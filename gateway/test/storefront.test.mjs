// A normal storefront session against the real supergraph stays well inside every limit: each
// figure below half of its default. The figures are printed, so a change that eats into the
// headroom shows before it refuses real clients.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Lexer, Source, TokenKind, buildSchema, parse, validate } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { startGateway } from '../src/app.mjs';
import { readConfig } from '../src/config.mjs';
import { createLogger } from '../src/logger.mjs';
import { measureOperation } from '../src/limits.mjs';
import { documentTooDeep, valueTooDeep } from '../src/nesting.mjs';
import { STOREFRONT_SESSION } from './fixtures/storefront.mjs';
import { wsClient } from './support.mjs';

const supergraphPath = new URL('../../supergraph.graphql', import.meta.url).pathname;
const schema = buildSchema(await readFile(supergraphPath, 'utf8'));
const BCP = { name: 'bcpIntrospection', query: await readFile(new URL('./fixtures/bcp-introspection.graphql', import.meta.url), 'utf8'), variables: {} };
const SESSION = [...STOREFRONT_SESSION, BCP];
const defaults = readConfig({});
const limits = defaults.limits;

function tokens(query) {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

function depth(document) {
  let found = 0;
  // Introspection counted too, although the depth limit leaves it out.
  validate(schema, document, [maxDepthRule({ n: Infinity, ignoreIntrospection: false, onAccept: [(_, { n }) => { found = Math.max(found, n); }] })]);
  return found;
}

describe('a storefront session', () => {
  it('EveryOperation_IsValidAgainstTheSupergraphAndUnderHalfOfEveryLimit', () => {
    const rows = [];
    for (const { name, query, variables } of SESSION) {
      const document = parse(query);
      assert.deepEqual(validate(schema, document).map(String), [], name);
      const figures = { ...measureOperation(schema, document, variables, limits), depth: depth(document), tokens: tokens(query) };
      rows.push({ name, ...figures });

      assert.ok(figures.cost < limits.maxCost / 2, `${name}: cost ${figures.cost} of ${limits.maxCost}`);
      assert.ok(figures.aliases < limits.maxAliases / 2, `${name}: aliases ${figures.aliases} of ${limits.maxAliases}`);
      assert.ok(figures.directives < limits.maxDirectives / 2, `${name}: directives ${figures.directives} of ${limits.maxDirectives}`);
      assert.ok(figures.mutationFields < limits.maxMutationFields / 2, `${name}: mutation fields ${figures.mutationFields} of ${limits.maxMutationFields}`);
      // The depth limit leaves introspection out (the IDE's query is 17 deep); its cost bounds it.
      assert.ok(figures.depth < limits.maxDepth / 2 || name === BCP.name, `${name}: depth ${figures.depth} of ${limits.maxDepth}`);
      assert.ok(figures.tokens < limits.maxTokens / 2, `${name}: tokens ${figures.tokens} of ${limits.maxTokens}`);
      assert.equal(documentTooDeep(query, Math.floor(limits.maxNesting / 2)), false, `${name}: nesting`);
      assert.equal(valueTooDeep(variables, Math.floor(limits.maxNesting / 2)), false, `${name}: variables nesting`);
    }
    // One subscription per customer: far below both caps.
    assert.ok(1 < defaults.subscriptionCaps.perConnection / 2 && 1 < defaults.subscriptionCaps.perCaller / 2);

    const limitsRow = { name: 'limit', cost: limits.maxCost, aliases: limits.maxAliases, directives: limits.maxDirectives, mutationFields: limits.maxMutationFields, depth: limits.maxDepth, tokens: limits.maxTokens };
    const table = [Object.keys(limitsRow), ...[...rows, limitsRow].map((r) => Object.values(r))];
    console.log(`storefront session, measured against the default limits:\n${table.map((r) => r.map((v) => String(v).padStart(16)).join('')).join('\n')}`);
  });
});

describe('a storefront session through the gateway', () => {
  let gateway;
  before(async () => {
    // The real supergraph with every limit at its default; no subgraph is running, so an operation
    // that passes every check ends in a fetch error instead of a refusal.
    const config = readConfig({ GATEWAY_PORT: '0', METRICS_PORT: '0', SUPERGRAPH_PATH: supergraphPath, LOG_LEVEL: 'error', SUBGRAPH_USERS_URL: 'http://127.0.0.1:9/graphql', SUBGRAPH_PRODUCTS_URL: 'http://127.0.0.1:9/graphql', SUBGRAPH_ORDERS_URL: 'http://127.0.0.1:9/graphql', SUBGRAPH_PAYMENTS_URL: 'http://127.0.0.1:9/graphql', JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
    gateway = await startGateway(config, createLogger(config.logLevel));
  });
  after(() => gateway?.close());

  const refusedByALimit = (errors) => (errors ?? []).filter((e) => e.extensions?.limit || ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'RATE_LIMITED', 'CSRF_REFUSED', 'SUBSCRIPTION_LIMIT'].includes(e.extensions?.code));

  it('EveryQueryAndMutation_PassesTheGatewaysChecks', async () => {
    for (const { name, query, variables } of SESSION.filter((op) => !op.query.trimStart().startsWith('subscription'))) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();

      assert.deepEqual(refusedByALimit(body.errors), [], name);
      if (name === BCP.name) assert.ok(body.data.__schema.types.length > 50);
    }
  });

  it('TheSubscription_PassesTheGatewaysChecks', async () => {
    const watch = STOREFRONT_SESSION.find((op) => op.name === 'watch');
    const { client } = wsClient({ wsUrl: gateway.url.replace(/^http/, 'ws') }, {});

    const results = [];
    try {
      for await (const result of client.iterate({ query: watch.query, variables: watch.variables })) results.push(result);
    } catch (errors) {
      results.push({ errors });
    }
    await client.dispose();

    assert.ok(results.length > 0);
    assert.deepEqual(results.flatMap((r) => refusedByALimit(r.errors)), []);
  });
});
