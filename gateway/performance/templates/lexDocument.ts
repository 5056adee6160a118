import { GraphQLError, Lexer, Source, TokenKind, type ParseOptions, type Token } from 'graphql';

/** A query text as graphql-js's lexer reads it, and the shape it shares with texts that differ only in literals. */
export interface LexedDocument {
  source: Source;
  /** Every token the parser reads, start and end of file included; comments left out. */
  tokens: Token[];
  /** The tokens with literal values left out: texts equal here parse to the same tree but for literals and positions. */
  shapeKey: string;
}

const LITERALS = new Set<string>([TokenKind.STRING, TokenKind.BLOCK_STRING, TokenKind.INT, TokenKind.FLOAT]);

export const isLiteralToken = (token: Token) => LITERALS.has(token.kind);

/**
 * Lexes a query text as `parse` would, under the same limits (maxTokens and the
 * rest of the parse options). Null when the text does not lex or breaks a limit: the
 * parser then reports it, with its own message and location.
 */
export function lexDocument(text: string, options: ParseOptions = {}): LexedDocument | null {
  if (options.maxSourceLength !== undefined && text.length > options.maxSourceLength) return null;
  const source = new Source(text);
  const lexer = new Lexer(source);
  const tokens: Token[] = [lexer.token];
  try {
    let token = lexer.advance();
    while (token.kind !== TokenKind.EOF) {
      tokens.push(token);
      if (options.maxTokens !== undefined && tokens.length - 1 > options.maxTokens) return null;
      token = lexer.advance();
    }
    tokens.push(token);
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  if (options.maxComments !== undefined && countComments(tokens[0]) > options.maxComments) return null;
  return { source, tokens, shapeKey: shapeKeyOf(tokens) };
}

/**
 * The shape of a token list. A name holds only [_A-Za-z0-9] and a punctuator is its own
 * kind, so the `\u0001` that marks a left-out literal cannot be confused with either.
 */
export function shapeKeyOf(tokens: readonly Token[]): string {
  let key = '';
  for (const token of tokens) key += LITERALS.has(token.kind) ? `\u0001${token.kind} ` : `${token.value ?? token.kind} `;
  return key;
}

/** Comments sit between tokens in the lexer's chain (the parser counts them against maxComments). */
function countComments(first: Token): number {
  let count = 0;
  for (let token: Token | null = first; token; token = token.next) if (token.kind === TokenKind.COMMENT) count++;
  return count;
}

/** The tokens of a parsed document, as lexDocument lists them: its locations point into this chain. */
export function tokensOfParsed(startOfFile: Token): Token[] {
  const tokens: Token[] = [];
  for (let token: Token | null = startOfFile; token; token = token.next) {
    if (token.kind !== TokenKind.COMMENT) tokens.push(token);
    if (token.kind === TokenKind.EOF) break;
  }
  return tokens;
}
