import { GraphQLError } from 'graphql';
import { addressKey, clientAddress } from './rate-limit.mjs';

const isAsyncIterable = (value) => value != null && typeof value[Symbol.asyncIterator] === 'function';
const EXPIRED = Symbol('expired');
// setTimeout holds at most about 24.8 days.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends `source` at `deadline` (epoch ms): the next step after it is `{ errors: [expiredError()] }`,
 * then the end, and the source is returned so its upstream subscription stops too.
 */
export function endAt(source, deadline, expiredError) {
  const iterator = source[Symbol.asyncIterator]();
  let timer;
  const expired = new Promise((resolve) => {
    timer = setTimeout(resolve, Math.min(MAX_TIMER_MS, Math.max(0, deadline - Date.now())), EXPIRED);
  });
  let finished = false;
  const finish = () => {
    finished = true;
    clearTimeout(timer);
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (finished) return { done: true, value: undefined };
      const step = await Promise.race([iterator.next(), expired]);
      if (step === EXPIRED) {
        finish();
        iterator.return?.()?.catch?.(() => {});
        return { done: false, value: { errors: [expiredError()] } };
      }
      if (step.done) finish();
      return step;
    },
    async return(value) {
      finish();
      await iterator.return?.();
      return { done: true, value };
    },
    async throw(error) {
      finish();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}

/**
 * Caps the subscriptions open at once per WebSocket connection and per caller (a signed-in user by
 * token subject, over WebSocket and SSE together; an anonymous one by client address), and ends a
 * signed-in caller's subscription with an UNAUTHENTICATED error when the token expires.
 */
export function useSubscriptionCaps({ perConnection, perCaller, trustProxy, clockToleranceSeconds }) {
  const byCaller = new Map();
  const byConnection = new WeakMap();

  const refuse = (message, variable, max) => new GraphQLError(message, {
    extensions: { code: 'SUBSCRIPTION_LIMIT', limit: variable, max, http: { status: 429 } },
  });

  return {
    onSubscribe({ context, setResultAndStopExecution, subscribeFn, setSubscribeFn }) {
      const caller = context.caller ?? null;
      const key = caller ? `user:${caller.sub}` : `address:${addressKey(clientAddress(context, trustProxy))}`;
      const socket = context.socket;
      if (socket && (byConnection.get(socket) ?? 0) >= perConnection) {
        setResultAndStopExecution({ errors: [refuse(
          `Subscription limit of ${perConnection} per connection reached; complete one before starting another.`,
          'GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION', perConnection,
        )] });
        return undefined;
      }
      if ((byCaller.get(key) ?? 0) >= perCaller) {
        setResultAndStopExecution({ errors: [refuse(
          `Subscription limit of ${perCaller} per ${caller ? 'user' : 'client address'} reached; complete one before starting another.`,
          'GATEWAY_MAX_SUBSCRIPTIONS_PER_USER', perCaller,
        )] });
        return undefined;
      }

      byCaller.set(key, (byCaller.get(key) ?? 0) + 1);
      if (socket) byConnection.set(socket, (byConnection.get(socket) ?? 0) + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = byCaller.get(key) - 1;
        if (left > 0) byCaller.set(key, left);
        else byCaller.delete(key);
        if (socket) byConnection.set(socket, byConnection.get(socket) - 1);
      };
      setSubscribeFn(async (args) => {
        try {
          return await subscribeFn(args);
        } catch (error) {
          release();
          throw error;
        }
      });

      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) {
            release();
            return undefined;
          }
          if (caller) {
            setResult(endAt(result, (caller.exp + clockToleranceSeconds) * 1000, () => new GraphQLError(
              'Invalid access token: it has expired, so the subscription ended; subscribe again with a fresh one.',
              { extensions: { code: 'UNAUTHENTICATED' } },
            )));
          }
          return { onEnd: release };
        },
      };
    },
  };
}
