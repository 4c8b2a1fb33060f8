import { jsonStringify, Logger } from '@graphql-hive/logger';

const SECRET_KEY = /authorization|token|cookie|connectionparams|password|secret|jwt/i;
// Request bodies and variables carry whatever clients send (a login's password included).
const PAYLOAD_KEY = /^(body|variables|variableValues)$/;
// A compact JWS (three base64url parts, the first a JSON header): redacted wherever it appears.
const JWT_PATTERN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;
// A secret written inline, in JSON (`"password":"x"`) or as a GraphQL argument (`password: "x"`).
const INLINE_SECRET = /((?:password|secret|token)"?\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
// The query string of a URL: a GET operation's variables.
const URL_QUERY = /(https?:\/\/[^\s?"]+)\?[^\s"]*/g;
const MAX_DEPTH = 6;

function redactString(value) {
  return value.replace(JWT_PATTERN, '[redacted]').replace(INLINE_SECRET, '$1"[redacted]"').replace(URL_QUERY, '$1?[omitted]');
}

/** Copies log attributes with secrets replaced, so neither a header nor a token reaches the log. */
export function redact(value, depth = 0, seen = new WeakSet()) {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, depth + 1, seen), ...(value.stack ? { stack: redact(value.stack, depth + 1, seen) } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (typeof value.entries === 'function' && typeof value.get === 'function') {
    return redact(Object.fromEntries(value.entries()), depth, seen);
  }
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) copy[key] = '[redacted]';
    else if (PAYLOAD_KEY.test(key)) copy[key] = '[omitted]';
    else copy[key] = redact(item, depth + 1, seen);
  }
  return copy;
}

/** One JSON object per line on standard output: time, level, msg, then the attributes. */
class RedactingJsonWriter {
  write(level, attrs, msg) {
    const line = { time: new Date().toISOString(), level, ...(msg ? { msg: redact(msg) } : {}) };
    if (attrs != null) {
      Object.assign(line, typeof attrs === 'object' && !Array.isArray(attrs) ? redact(attrs) : { attrs: redact(attrs) });
    }
    process.stdout.write(`${jsonStringify(line)}\n`);
  }
}

export function createLogger(level) {
  return new Logger({ level, writers: [new RedactingJsonWriter()], attrs: { service: 'gateway' } });
}
