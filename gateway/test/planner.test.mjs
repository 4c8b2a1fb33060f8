import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromNewAddress, startPlatform } from './support.mjs';

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
