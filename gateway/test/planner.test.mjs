import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { collect, fromNewAddress, readSse, startPlatform, wsClient } from './support.mjs';

// The Rust planner is a native addon: once it plans, its library is mapped into this process.
const ADDON = 'hive_router_query_planner';
const addonLoaded = () => readFileSync('/proc/self/maps', 'utf8').includes(ADDON);
const CROSS_SUBGRAPH = '{ greeting products { id name likedBy } }';
const EXPECTED = { data: { greeting: 'hello', products: [{ id: '1', name: 'Kettle', likedBy: 7 }, { id: '2', name: 'Teapot', likedBy: 14 }] } };

// Each planner in its own gateway, one after the other, in this one process (node --test runs each
// file apart): the JavaScript one must not load the addon, the Rust one must, and both answer alike.
describe('query planner', { skip: existsSync('/proc/self/maps') ? false : 'needs /proc/self/maps to see the addon' }, () => {
  it('GatewayQueryPlannerJs_CrossSubgraphQuery_AnsweredWithoutTheRustAddon', async () => {
    const platform = await startPlatform({ GATEWAY_QUERY_PLANNER: 'js' });
    try {
      const { status, body } = await platform.post(CROSS_SUBGRAPH, { headers: fromNewAddress() });

      assert.equal(status, 200);
      assert.deepEqual(body, EXPECTED);
      assert.equal(addonLoaded(), false);
    } finally {
      await platform.close();
    }
  });

  it('GatewayQueryPlannerRust_CrossSubgraphQuery_PlannedByTheRustAddon', async () => {
    const platform = await startPlatform({ GATEWAY_QUERY_PLANNER: 'rust' });
    try {
      const { status, body } = await platform.post(CROSS_SUBGRAPH, { headers: fromNewAddress() });

      assert.equal(status, 200);
      assert.deepEqual(body, EXPECTED);
      assert.equal(addonLoaded(), true);
    } finally {
      await platform.close();
    }
  });
});

// A subgraph's streamed errors reach the client as it sent them under either planner, whichever way
// subscriptions travel to the subgraph: the transports parse them as plain objects, which the Rust
// planner passed on to be masked, and its executor repeated an event's error on every later event.
for (const planner of ['js', 'rust']) {
  for (const subscriptions of ['ws', 'sse']) {
    describe(`subscriptions with the ${planner} planner, ${subscriptions} to the subgraph`, () => {
      let platform;
      before(async () => { platform = await startPlatform({ GATEWAY_QUERY_PLANNER: planner, SUBGRAPH_SUBSCRIPTIONS: subscriptions }); });
      after(() => platform.close());

      it('Subscription_RefusedByTheSubgraph_KeepsItsMessageCodeAndPath', async () => {
        const { client } = wsClient(platform, {});

        const results = await collect(client, 'subscription { ticks(n: -1) }');
        await client.dispose();

        assert.deepEqual(results, [{
          data: null,
          errors: [{ message: 'No such order to watch.', path: ['ticks'], extensions: { code: 'NOT_FOUND', serviceName: 'products' } }],
        }]);
      });

      it('Subscription_OneEventFails_ItsErrorComesWithThatEventOnly', async () => {
        const response = await fetch(platform.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...fromNewAddress() },
          body: JSON.stringify({ query: 'subscription { ticks(n: 3, failAt: 2) }' }),
        });

        const events = await readSse(response);
        assert.deepEqual(events.map((event) => [event.data === null ? null : event.data.ticks, event.errors?.map((error) => error.extensions.code) ?? []]), [
          [`1:${subscriptions}:anonymous`, []],
          [null, ['TICK_LOST']],
          [`3:${subscriptions}:anonymous`, []],
        ]);
        assert.equal(events[1].errors[0].message, 'Tick 2 was lost.');
      });
    });
  }
}
