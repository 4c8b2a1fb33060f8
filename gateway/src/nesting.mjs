import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPENING = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);
const OPENING_CHARACTERS = /[[{(]/g;

/**
 * Whether a document nests selections, lists or objects deeper than `max`. The parser and every
 * visitor after it recurse once per level, so `[[[…]]]` 2,000 deep overflowed the stack; the
 * lexer reads tokens one after another, so it can count levels without recursing.
 */
export function documentTooDeep(query, max) {
  // A document with no more openers than the limit cannot nest past it: no need to lex.
  if ((query.match(OPENING_CHARACTERS)?.length ?? 0) <= max) return false;
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind) && ++depth > max) return true;
      if (CLOSING.has(token.kind)) depth -= 1;
    }
  } catch {
    // Not a document at all: the parser reports that with its own message.
  }
  return false;
}

/** Whether a JSON value (variables, extensions) nests arrays or objects deeper than `max`. */
export function valueTooDeep(value, max) {
  const pending = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop();
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses with 400, before parsing, a document or variables nested deeper than `maxNesting`
 * (GRAPHQL_MAX_NESTING) levels of brackets, braces and parentheses.
 */
export function useNestingLimit(maxNesting) {
  const refuse = (what, code) => new GraphQLError(
    `${what} nested deeper than ${maxNesting} levels (GRAPHQL_MAX_NESTING).`,
    { extensions: { code, limit: 'GRAPHQL_MAX_NESTING', max: maxNesting, http: { status: 400 } } },
  );
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && documentTooDeep(params.query, maxNesting)) {
        throw refuse('The document is', 'GRAPHQL_PARSE_FAILED');
      }
      if (valueTooDeep(params.variables, maxNesting)) throw refuse('The variables are', 'BAD_USER_INPUT');
      if (valueTooDeep(params.extensions, maxNesting)) throw refuse('The extensions are', 'BAD_USER_INPUT');
    },
  };
}
