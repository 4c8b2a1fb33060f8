import { getGraphQLWSOptions } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { normalizeNodeRequest } from '@whatwg-node/server';
import { WebSocketServer } from 'ws';
import { AuthError, authorizationFromConnectionParams } from './auth.mjs';

// graphql-transport-ws close codes (the subgraphs use the same).
const FORBIDDEN = 4403;
const TRY_AGAIN_LATER = 1013;

// The HTTP status and headers in an error's extensions are for HTTP responses only.
function forTheSocket(error) {
  return new GraphQLError(error.message, { extensions: { code: error.extensions?.code } });
}

function withoutHttpExtension(error) {
  const json = typeof error.toJSON === 'function' ? error.toJSON() : error;
  if (!json.extensions?.http) return json;
  const { http, ...extensions } = json.extensions;
  return { ...json, extensions };
}

// Operations on the socket are not the upgrade's GET: Yoga refuses mutations over GET (a guard for
// links and forms that graphql-transport-ws does not need), so they are presented as a POST.
function operationRequest(upgrade, fetchAPI) {
  const request = normalizeNodeRequest(upgrade, fetchAPI);
  return new fetchAPI.Request(request.url, { method: 'POST', headers: request.headers });
}

// An operation refused before it runs (rate limit, bad request) answers that operation with its
// error instead of failing the whole connection.
const keepErrorsOnTheOperation = (run) => (args) => Promise.resolve(run(args)).catch((error) => {
  if (error instanceof GraphQLError) return { errors: [forTheSocket(error)] };
  throw error;
});

/**
 * graphql-transport-ws on the GraphQL endpoint. The client authenticates once, in
 * `connection_init` (or on the upgrade request's Authorization header): a bad token closes the
 * socket with 4403 and the reason; no token is an anonymous connection. Every `subscribe` is then
 * rate limited and refused once the token has expired.
 */
export function attachWebSockets({ server, runtime, verifier, rateLimit, log, path, clockToleranceSeconds, maxPayload }) {
  // A message over maxPayload closes the socket (1009) before it is buffered, let alone parsed.
  const wsServer = new WebSocketServer({ server, path, maxPayload });
  const base = getGraphQLWSOptions(runtime, (ctx) => ({
    req: ctx.extra.request,
    socket: ctx.extra.socket,
    request: operationRequest(ctx.extra.request, runtime.fetchAPI),
    caller: ctx.extra.caller ?? null,
    rateLimitChecked: true,
  }));

  const disposable = useServer({
    ...base,
    execute: keepErrorsOnTheOperation(base.execute),
    subscribe: keepErrorsOnTheOperation(base.subscribe),
    connectionInitWaitTimeout: 5000,
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return undefined;
      return { ...result, errors: result.errors.map(withoutHttpExtension) };
    },
    async onConnect(ctx) {
      const authorization = authorizationFromConnectionParams(ctx.connectionParams) ?? ctx.extra.request.headers.authorization;
      if (authorization === undefined) {
        ctx.extra.caller = null;
        return true;
      }
      try {
        ctx.extra.caller = await verifier.verifyAuthorization(authorization);
        return true;
      } catch (error) {
        const refusal = error instanceof AuthError ? error : new AuthError(error.message, 503);
        log.info({ status: refusal.status, reason: refusal.message }, 'websocket connection refused');
        ctx.extra.socket.close(refusal.status === 401 ? FORBIDDEN : TRY_AGAIN_LATER, refusal.message.slice(0, 120));
        return false;
      }
    },
    onSubscribe(ctx, id, payload) {
      const caller = ctx.extra.caller;
      if (caller && (caller.exp + clockToleranceSeconds) * 1000 < Date.now()) {
        return [forTheSocket(new AuthError('Invalid access token: it has expired; reconnect with a fresh one.').toGraphQLError())];
      }
      const limited = rateLimit.check({ caller, req: ctx.extra.request });
      if (limited) return [forTheSocket(limited)];
      return base.onSubscribe(ctx, id, payload);
    },
  }, wsServer);

  return async function close() {
    const fuse = setTimeout(() => {
      for (const client of wsServer.clients) client.terminate();
    }, 1000);
    fuse.unref();
    await disposable.dispose();
    clearTimeout(fuse);
  };
}
