/** Payload JSON text → value, with a `bad-json` error that says where the text went wrong. */
import { quote, SpriteEventError } from './errors.js';

/** JSON text → value, or a `bad-json` error that says where the text went wrong. */
export function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new SpriteEventError('bad-json', 'the event text is empty; pass the JSON of a Tencent VOD event.');
  try {
    return JSON.parse(body);
  } catch {
    // Engines differ in whether their message gives a position: find it ourselves.
    const at = jsonErrorOffset(body);
    const lines = body.slice(0, at).split('\n');
    const column = lines[lines.length - 1]!.length;
    const near = body.slice(at - Math.min(column, 20), at + 20).replace(/\s+/g, ' ');
    throw new SpriteEventError('bad-json', `the event text is not valid JSON at line ${lines.length}, column ${column + 1} (position ${at}), near ${quote(near)}.`);
  }
}

/** One JSON token: string, number, literal or punctuation. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings forbid raw control characters
const TOKEN = /"(?:[^"\\\0-\x1f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/y;
/** The valid beginning of a string, to point past it when the string is broken. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const STRING_START = /"(?:[^"\\\0-\x1f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*/y;
const SPACE = /[ \t\n\r]*/y;

/** Offset of the first JSON syntax error in `text` (called only for text that failed to parse). */
function jsonErrorOffset(text: string): number {
  let at = 0;
  /** The next token, not consumed; `at` moves to its start, or past the valid part of a broken string. */
  const peek = (): string => {
    SPACE.lastIndex = at;
    SPACE.test(text);
    TOKEN.lastIndex = STRING_START.lastIndex = at = SPACE.lastIndex;
    const token = TOKEN.exec(text)?.[0];
    if (token === undefined && text[at] === '"' && STRING_START.test(text)) at = STRING_START.lastIndex;
    return token ?? '';
  };
  /** Consumes the next token when `accept` likes it. */
  const eat = (accept: (token: string) => boolean): boolean => {
    const token = peek();
    if (!token || !accept(token)) return false;
    at = TOKEN.lastIndex;
    return true;
  };
  const is = (wanted: string) => (token: string) => token === wanted;
  // Each reader returns false with `at` at the offending character.
  const value = (depth: number): boolean => {
    const open = peek();
    if (open !== '{' && open !== '[') return eat((token) => !'}],:'.includes(token));
    at++;
    const close = open === '{' ? '}' : ']';
    if (eat(is(close))) return true;
    do {
      if (open === '{' && !(eat((token) => token[0] === '"') && eat(is(':')))) return false;
      if (depth > 500 || !value(depth + 1)) return false;
    } while (eat(is(',')));
    return eat(is(close));
  };
  // After a complete value, whatever follows is the error.
  if (value(0)) peek();
  return at;
}

