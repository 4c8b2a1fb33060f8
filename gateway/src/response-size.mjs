import { GraphQLError } from 'graphql';

const isAsyncIterable = (value) => value != null && typeof value[Symbol.asyncIterator] === 'function';

/**
 * Fails a result (or one subscription event) larger than `maxBytes` as serialized JSON, with a
 * RESPONSE_TOO_LARGE error instead of the data. The cost model cannot see how long an unpaged
 * list is (an order's items, the schema's types), so this is what bounds what one answer sends.
 */
export function useResponseSizeLimit(maxBytes) {
  function check({ result, setResult }) {
    const bytes = Buffer.byteLength(JSON.stringify(result));
    if (bytes <= maxBytes) return;
    setResult({
      errors: [new GraphQLError(`Response size limit of ${maxBytes} bytes exceeded, found ${bytes}; ask for fewer fields or a smaller page.`, {
        extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'GATEWAY_MAX_RESPONSE_BYTES', max: maxBytes, found: bytes },
      })],
    });
  }
  const onResult = (payload) => (isAsyncIterable(payload.result) ? { onNext: check } : check(payload));
  return {
    onExecute: () => ({ onExecuteDone: onResult }),
    onSubscribe: () => ({ onSubscribeResult: onResult }),
  };
}
