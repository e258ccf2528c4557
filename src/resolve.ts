/**
 * Where a thumbnail cue's image lives. A cue names its image with a `<ref>` (usually a bare
 * file name such as `imageSprite_10_0.jpg`); the payload's image URL set holds the real
 * URLs, maybe signed (`?t=..&sign=..`) or on another host.
 */

/** True when `url` is an absolute `http:` or `https:` URL. */
export function isHttpUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

export function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** The page's protocol (`https:` …), or undefined outside a page. */
export function currentPageProtocol(): string | undefined {
  return (globalThis as { location?: { protocol?: string } }).location?.protocol;
}

export interface UpgradeOptions {
  /** Upgrade `http:` to `https:` on https pages. Default true. */
  upgradeInsecure?: boolean;
  /** The page's protocol; defaults to `globalThis.location?.protocol`. */
  pageProtocol?: string;
}

/** True when `http:` URLs must become `https:` (an https page would block them as mixed content). */
export function shouldUpgrade(options: UpgradeOptions = {}): boolean {
  if (options.upgradeInsecure === false) return false;
  const protocol = options.pageProtocol ?? currentPageProtocol();
  return protocol === 'https:';
}

/** `http://x` → `https://x` when `upgrade`; other URLs unchanged. */
export function upgradeUrl(url: string, upgrade: boolean): string {
  return upgrade && url.startsWith('http:') ? `https:${url.slice(5)}` : url;
}

/**
 * The last path segment of a URL or reference, query and fragment ignored, percent-decoded
 * so `a%20b.jpg` and `a b.jpg` match. Empty when the path ends with `/`.
 */
export function lastPathSegment(ref: string): string {
  let end = ref.length;
  const query = ref.indexOf('?');
  if (query >= 0) end = query;
  const hash = ref.indexOf('#');
  if (hash >= 0 && hash < end) end = hash;
  // A backslash is a path separator for http URLs, as in the URL parser.
  let start = Math.max(ref.lastIndexOf('/', end - 1), ref.lastIndexOf('\\', end - 1)) + 1;
  if (start > end) start = end;
  const segment = ref.slice(start, end).trim();
  if (segment.indexOf('%') < 0) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Resolves cue refs to loadable image URLs. Build one per parse: the name → URL map of the
 * image set is made once, and each distinct ref is resolved once (a 10-hour VTT names a
 * few hundred sheets in 36,000 cues).
 */
export class ImageResolver {
  private readonly byName = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  private readonly upgrade: boolean;

  constructor(
    private readonly vttUrl: string,
    imageUrls: readonly string[] = [],
    options: UpgradeOptions = {},
  ) {
    this.upgrade = shouldUpgrade(options);
    for (const entry of imageUrls) {
      if (typeof entry !== 'string') continue;
      const name = lastPathSegment(entry);
      // First entry wins when two share a name. Entries are parsed only when a ref uses them.
      if (name && !this.byName.has(name)) this.byName.set(name, entry);
    }
  }

  /**
   * The http(s) URL to load for `ref` (the cue text before `#`), or `null` when it does not
   * resolve to an http(s) URL (`javascript:`, `data:`, unparsable…): such a ref is never loaded.
   * A matched image set entry is used as it is (only made absolute, and upgraded).
   */
  resolve(ref: string): string | null {
    let url = this.cache.get(ref);
    if (url === undefined) {
      url = this.resolveUncached(ref);
      this.cache.set(ref, url);
    }
    return url;
  }

  private resolveUncached(ref: string): string | null {
    const name = lastPathSegment(ref);
    const fromSet = name ? this.byName.get(name) : undefined;
    // An image set entry that is plainly an absolute http(s) URL is used without a parse
    // (a 10-hour sprite has hundreds of sheets); anything unusual goes through the URL parser.
    if (fromSet !== undefined && isPlainHttpUrl(fromSet)) return upgradeUrl(fromSet, this.upgrade);
    const parsed = parseUrl(fromSet ?? ref, this.vttUrl);
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
    parsed.hash = '';
    return upgradeUrl(parsed.href, this.upgrade);
  }
}

/** `http://` or `https://` followed by printable ASCII only, without `#` or `\\`. */
function isPlainHttpUrl(url: string): boolean {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (start < 0 || url.length === start) return false;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 35 /* # */ || c === 92 /* \\ */) return false;
  }
  return true;
}
