/**
 * Where a thumbnail cue's image lives. A cue names its image with a `<ref>` (usually a bare
 * file name such as `imageSprite_10_0.jpg`); the payload's image URL set holds the real
 * URLs, maybe signed (`?t=..&sign=..`) or on another host.
 */

const HTTP = /^https?:$/;
/** `http://` or `https://` and printable ASCII without `#` or `\`: usable without a parse. */
const PLAIN_HTTP_URL = /^https?:\/\/[!"$-[\]-~]+$/;

export function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** The one http(s) check: true for a parsed URL this package may load. */
export const isHttp = (url: URL | undefined): boolean => !!url && HTTP.test(url.protocol);

/** True when `url` is an absolute `http:` or `https:` URL. */
export function isHttpUrl(url: string): boolean {
  return isHttp(parseUrl(url));
}

export interface UpgradeOptions {
  /** Upgrade `http:` to `https:` on https pages. Default true. */
  upgradeInsecure?: boolean;
  /** The page's protocol; defaults to `globalThis.location?.protocol`. */
  pageProtocol?: string;
}

/** True when `http:` URLs must become `https:` (an https page would block them as mixed content). */
export function shouldUpgrade({ upgradeInsecure, pageProtocol = globalThis.location?.protocol }: UpgradeOptions = {}): boolean {
  return upgradeInsecure !== false && pageProtocol === 'https:';
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
  const path = ref.split(/[?#]/)[0]!;
  // A backslash is a path separator for http URLs, as in the URL parser.
  const segment = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).trim();
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
    options?: UpgradeOptions,
  ) {
    this.upgrade = shouldUpgrade(options);
    for (const entry of imageUrls) {
      const name = typeof entry === 'string' && lastPathSegment(entry);
      // First entry wins when two share a name.
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
      const entry = this.byName.get(lastPathSegment(ref));
      url = entry !== undefined && PLAIN_HTTP_URL.test(entry) ? entry : null;
      if (!url) {
        const parsed = parseUrl(entry ?? ref, this.vttUrl);
        if (parsed && isHttp(parsed)) {
          parsed.hash = '';
          url = parsed.href;
        }
      }
      url &&= upgradeUrl(url, this.upgrade);
      this.cache.set(ref, url);
    }
    return url;
  }
}
