const isAsyncIterable = (value) => value != null && typeof value[Symbol.asyncIterator] === 'function';

/**
 * The events of one subscription, each carrying only the errors that arrived with it. The Rust
 * planner's executor keeps one error list per operation, and for a subscription that list lives as
 * long as the stream: an error of the first event came again with every later one. An error object
 * already delivered is the same object when it comes again (each event's errors are parsed anew), so
 * those are the ones dropped. An event left with errors and no data says `data: null`, as the
 * JavaScript planner's events do.
 */
export function eventsWithTheirOwnErrors(source) {
  const iterator = source[Symbol.asyncIterator]();
  const delivered = new WeakSet();
  function ownErrors(step) {
    const errors = step.value?.errors;
    if (step.done || !Array.isArray(errors)) return step;
    const fresh = errors.filter((error) => !(error !== null && typeof error === 'object' && delivered.has(error)));
    for (const error of fresh) if (error !== null && typeof error === 'object') delivered.add(error);
    const { errors: _all, ...rest } = step.value;
    if (fresh.length === 0) return { done: false, value: rest };
    return { done: false, value: { data: null, ...rest, errors: fresh } };
  }
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => iterator.next().then(ownErrors),
    // Ending the stream (the client unsubscribed) must reach the subgraph's subscription.
    return: (value) => (iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value })),
    throw: (error) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
  };
}

/**
 * A subgraph's subscription event whose data is null or missing (its root field failed) reaches
 * the Rust planner's executor as empty data instead: the executor skips a null and so sent the
 * event's error with the previous event's data. Only streamed results are touched; single results
 * keep their null.
 */
export function useRustPlannerEventData() {
  const emptyForNull = ({ result, setResult }) => {
    if (result != null && result.data == null) setResult({ ...result, data: {} });
  };
  return {
    onSubgraphExecute: () => ({ result }) => (isAsyncIterable(result) ? { onNext: emptyForNull } : undefined),
  };
}

/**
 * Hive Router's query planner (@graphql-hive/router-runtime, a native addon), loaded only when
 * chosen, with its subscription streams corrected as above.
 */
export async function rustUnifiedGraphHandler(opts) {
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  const handler = await unifiedGraphHandler(opts);
  const execute = handler.executor;
  return {
    ...handler,
    executor(request) {
      const result = execute(request);
      const wrap = (value) => (isAsyncIterable(value) ? eventsWithTheirOwnErrors(value) : value);
      return typeof result?.then === 'function' ? result.then(wrap) : wrap(result);
    },
  };
}
