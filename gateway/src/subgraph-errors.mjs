import { GraphQLError } from 'graphql';

const isAsyncIterable = (value) => value != null && typeof value[Symbol.asyncIterator] === 'function';
const isObject = (value) => value != null && typeof value === 'object' && !Array.isArray(value);

/**
 * A subgraph's error as a GraphQLError carrying its message, path and extensions (the code). The
 * subgraph's locations point into the query the gateway sent it, not the client's, so they go.
 */
function asGraphQLError(error) {
  if (error instanceof GraphQLError) return error;
  if (!isObject(error) || typeof error.message !== 'string') return error;
  return new GraphQLError(error.message, {
    path: Array.isArray(error.path) ? error.path : undefined,
    extensions: isObject(error.extensions) ? error.extensions : undefined,
  });
}

function keepErrors({ result, setResult }) {
  if (!Array.isArray(result?.errors) || result.errors.every((error) => error instanceof GraphQLError)) return;
  setResult({ ...result, errors: result.errors.map(asGraphQLError) });
}

/**
 * Keeps a subgraph's own errors (message, code, path) on subscription events. The transports hand
 * a streamed event's errors over as the plain JSON objects they parsed (GraphQL over SSE,
 * graphql-transport-ws); Hive Gateway's JavaScript planner rebuilds them as GraphQLErrors, the Rust
 * planner (@graphql-hive/router-runtime) passes them through as they are, and the masking then
 * takes anything that is not a GraphQLError for an unexpected failure: the orders subgraph's
 * NOT_FOUND for another customer's order reached the client as "Unexpected error.". Single results
 * (GraphQL over HTTP) already arrive as GraphQLErrors and pass untouched.
 */
export function useSubgraphErrors() {
  return {
    onSubgraphExecute: () => ({ result }) => (isAsyncIterable(result) ? { onNext: keepErrors } : undefined),
  };
}
