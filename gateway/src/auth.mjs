import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { GraphQLError } from 'graphql';

const ALGORITHMS = ['RS256', 'ES256'];
const MAX_TOKEN_LENGTH = 8192;
// Verified tokens kept, by their exact text: at most 4,096 tokens of at most 8 KiB each.
const MAX_VERIFIED_TOKENS = 4096;
// As long as the key set is cached: a key the users service withdrew stops being honoured as soon.
const JWKS_MAX_AGE_MS = 600_000;

/** A token the gateway refuses (401), or a JWKS it cannot reach (503). */
export class AuthError extends Error {
  constructor(message, status = 401) {
    super(message);
    this.name = 'AuthError';
    this.status = status;
  }

  toGraphQLError() {
    const unavailable = this.status === 503;
    return new GraphQLError(this.message, {
      extensions: {
        code: unavailable ? 'AUTH_UNAVAILABLE' : 'UNAUTHENTICATED',
        http: {
          status: this.status,
          headers: unavailable ? { 'Retry-After': '5' } : { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        },
      },
    });
  }
}

/**
 * Verifies Shop access tokens against the users service's JWKS: RS256 or ES256 only (so never
 * `alg: none` or an HMAC key confusion), the configured issuer and audience, an expiry and a subject.
 * The key set is fetched on first use, cached, and refetched when a token names an unknown key.
 * A verified token is kept by its exact text until it expires (or the key set's cache age passes),
 * so a signed-in client's next requests skip the signature check, an asynchronous WebCrypto call.
 */
export function createTokenVerifier({ jwksUrl, issuer, audience, clockToleranceSeconds, maxVerifiedTokens = MAX_VERIFIED_TOKENS }) {
  // A token naming a key id the set lacks refetches it (the users service may have a new key), but
  // at most every 5 s, as the subgraphs do, so made-up key ids cannot flood the users service.
  const keys = createRemoteJWKSet(jwksUrl, { timeoutDuration: 5000, cooldownDuration: 5000, cacheMaxAge: JWKS_MAX_AGE_MS });
  // Token → { caller, until (epoch ms) }, oldest first; only tokens that verified are kept.
  const verified = new Map();

  function remember(token, caller) {
    const until = Math.min((caller.exp + clockToleranceSeconds) * 1000, Date.now() + JWKS_MAX_AGE_MS);
    if (verified.size >= maxVerifiedTokens) verified.delete(verified.keys().next().value);
    verified.set(token, { caller, until });
  }

  /** @returns {Promise<Caller>} */
  async function verifyToken(token) {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw new AuthError('Invalid access token: it is empty or malformed.');
    const known = verified.get(token);
    if (known !== undefined) {
      if (Date.now() < known.until) return known.caller;
      // Past its expiry: verified again below, which refuses it with the reason.
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer,
        audience,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const caller = createCaller(payload, token);
      remember(token, caller);
      return caller;
    } catch (error) {
      throw toAuthError(error);
    }
  }

  return {
    verifyToken,
    /** Verifies an `Authorization` header value, which must be `Bearer <token>`. */
    verifyAuthorization(value) {
      const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(value ?? '');
      if (!match) {
        return Promise.reject(new AuthError('Invalid Authorization header: expected "Bearer <access token>".'));
      }
      return verifyToken(match[1]);
    },
  };
}

/**
 * @typedef {{ sub: string, role: string, email: string | undefined, exp: number, authorization: string }} Caller
 * `authorization` (the header forwarded to the subgraphs) is not enumerable, so a caller that ends
 * up in a log line does not carry its token along.
 */
const ROLES = new Set(['CUSTOMER', 'ADMIN']);

function createCaller(payload, token) {
  // A well-signed token without a role Shop knows is a wrong identity, not an anonymous one.
  if (!ROLES.has(payload.role)) {
    throw new AuthError('Invalid access token: the "role" claim is missing or not accepted.');
  }
  const caller = {
    sub: String(payload.sub),
    role: payload.role,
    email: typeof payload.email === 'string' ? payload.email : undefined,
    exp: payload.exp,
  };
  Object.defineProperty(caller, 'authorization', { value: `Bearer ${token}`, enumerable: false });
  return Object.freeze(caller);
}

function toAuthError(error) {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError('Invalid access token: it has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthError(`Invalid access token: the "${error.claim}" claim is missing or not accepted.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError(`Invalid access token: it must be signed with ${ALGORITHMS.join(' or ')}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('Invalid access token: the signature does not verify.');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError('Invalid access token: it is not signed by a key of the users service.');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthError('Invalid access token: it is not a well-formed JWT.');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    // The key set could not be fetched or read: the token may be fine, the users service is not.
    return new AuthError('Access tokens cannot be verified right now; try again shortly.', 503);
  }
  return new AuthError('Invalid access token: it is not accepted.');
}

/**
 * The token a graphql-transport-ws client sent in `connection_init`, in the shapes the subgraphs
 * accept too: `{"Authorization": "Bearer t"}`, `{"authorization": ...}`, `{"token": "t"}`, or
 * any of these under `headers`. Returns the `Authorization` value (`Bearer t`) or undefined.
 */
export function authorizationFromConnectionParams(params, nested = false) {
  if (params == null || typeof params !== 'object') return undefined;
  for (const key of ['Authorization', 'authorization']) {
    if (typeof params[key] === 'string') {
      return /^Bearer\s/i.test(params[key]) ? params[key] : `Bearer ${params[key].trim()}`;
    }
  }
  if (typeof params.token === 'string') return `Bearer ${params.token.trim()}`;
  return nested ? undefined : authorizationFromConnectionParams(params.headers, true);
}

/**
 * Validates the `Authorization` header of every GraphQL request over HTTP (SSE included). No
 * header is an anonymous caller; a bad one ends the request with 401 and an UNAUTHENTICATED error.
 * The verified caller lands in the context as `caller`. WebSocket connections authenticate once,
 * in `connection_init` (see websocket.mjs), and bring their caller along.
 */
export function useShopAuth(verifier) {
  return {
    onRequestParse({ request, serverContext }) {
      if (serverContext.caller !== undefined) return undefined;
      const header = request.headers.get('authorization');
      if (header === null) {
        serverContext.caller = null;
        return undefined;
      }
      return verifier.verifyAuthorization(header).then(
        (caller) => { serverContext.caller = caller; },
        (error) => { throw toAuthError(error).toGraphQLError(); },
      );
    },
  };
}
