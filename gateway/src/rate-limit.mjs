import { isIPv6 } from 'node:net';
import { GraphQLError } from 'graphql';

/** Callers tracked per window at most: spoofed addresses cannot grow the map without bound. */
export const MAX_TRACKED_CALLERS = 100_000;

/**
 * Fixed-window request counters, one per caller: a signed-in user by token subject, an anonymous
 * one by client address. In memory, so each gateway instance limits on its own.
 */
export class RateLimiter {
  #windowMs;
  #windows = new Map();
  #sweeper;

  #maxKeys;

  constructor(windowMs, maxKeys = MAX_TRACKED_CALLERS) {
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
    // Forget finished windows now and then, so idle callers do not accumulate.
    this.#sweeper = setInterval(() => this.#sweep(Date.now()), Math.max(windowMs, 1000));
    this.#sweeper.unref();
  }

  /**
   * Counts one request for `key` against `max` per window.
   * @returns {{ allowed: boolean, remaining: number, resetMs: number }}
   */
  take(key, max, now = Date.now()) {
    let window = this.#windows.get(key);
    if (!window || now >= window.start + this.#windowMs) {
      if (!window && this.#windows.size >= this.#maxKeys) this.#makeRoom(now);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    const resetMs = window.start + this.#windowMs - now;
    if (window.count >= max) return { allowed: false, remaining: 0, resetMs };
    window.count += 1;
    return { allowed: true, remaining: max - window.count, resetMs };
  }

  get size() {
    return this.#windows.size;
  }

  // Full: drop finished windows, and if none finished, the oldest one (insertion order).
  #makeRoom(now) {
    this.#sweep(now);
    if (this.#windows.size >= this.#maxKeys) this.#windows.delete(this.#windows.keys().next().value);
  }

  #sweep(now) {
    for (const [key, window] of this.#windows) {
      if (now >= window.start + this.#windowMs) this.#windows.delete(key);
    }
  }

  dispose() {
    clearInterval(this.#sweeper);
  }
}

/**
 * The address a request came from: the socket's peer, or with TRUST_PROXY the hop the trusted proxy
 * appended to X-Forwarded-For (the last one; everything left of it is whatever the client sent).
 */
export function clientAddress(context, trustProxy) {
  const req = context.req;
  if (trustProxy) {
    const forwarded = req?.headers?.['x-forwarded-for'] ?? context.request?.headers?.get('x-forwarded-for');
    const last = typeof forwarded === 'string' ? forwarded.split(',').at(-1).trim() : '';
    if (last) return last;
  }
  return req?.socket?.remoteAddress ?? 'unknown';
}

/** The rate-limit key of an address: an IPv6 client owns a whole /64, so it is counted by its /64. */
export function addressKey(address) {
  if (!isIPv6(address) || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Limits GraphQL operations (an HTTP request, an SSE stream, each WebSocket `subscribe`) per
 * caller. Past the limit the operation is refused with 429, a RATE_LIMITED error and Retry-After.
 * A limit of 0 turns limiting off for that kind of caller.
 */
export function createRateLimit({ windowMs, userMax, anonymousMax, trustProxy }, log) {
  const limiter = new RateLimiter(windowMs);

  /** Counts one operation of the context's caller; returns the error to answer with, or null. */
  function check(context) {
    const caller = context.caller;
    const max = caller ? userMax : anonymousMax;
    if (max === 0) return null;
    const key = caller ? `user:${caller.sub}` : `address:${addressKey(clientAddress(context, trustProxy))}`;
    const { allowed, resetMs } = limiter.take(key, max);
    if (allowed) return null;
    const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
    log.warn({ caller: key, limit: max, windowSeconds: windowMs / 1000 }, 'rate limit exceeded');
    return new GraphQLError(
      `Rate limit exceeded: at most ${max} requests per ${windowMs / 1000} s ${caller ? 'per user' : 'per client address'}; retry in ${retryAfter} s.`,
      { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'Retry-After': String(retryAfter) } } } },
    );
  }

  return {
    check,
    plugin: {
      onParams({ context }) {
        // WebSocket operations are counted when they subscribe (websocket.mjs).
        if (!context || context.rateLimitChecked) return;
        const error = check(context);
        if (error) throw error;
      },
      onDispose() {
        limiter.dispose();
      },
    },
  };
}
