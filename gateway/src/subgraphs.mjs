/** Shop's subgraphs and the local address each listens on (README, "Ports"). */
export const SUBGRAPHS = Object.freeze({
  users: 'http://127.0.0.1:5001/graphql',
  products: 'http://127.0.0.1:5002/graphql',
  orders: 'http://127.0.0.1:5003/graphql',
  payments: 'http://127.0.0.1:5004/graphql',
});

/** The environment variable that moves one subgraph, e.g. `SUBGRAPH_ORDERS_URL`. */
export const urlVariable = (name) => `SUBGRAPH_${name.toUpperCase()}_URL`;

/**
 * The URL of a subgraph: `SUBGRAPH_<NAME>_URL` when set, else the local default.
 * @returns {string | undefined} undefined for a name Shop does not know
 */
export function subgraphUrl(name, env) {
  const override = env[urlVariable(name)]?.trim();
  if (override) {
    const url = new URL(override);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`${urlVariable(name)} must be an http(s) URL, got "${override}".`);
    }
    return url.toString();
  }
  return SUBGRAPHS[name];
}
