/**
 * Network side of the previews: text documents (payload JSON, WebVTT) through `fetch` with
 * an AbortSignal, and sprite sheets through `<img>` + `decode()`, cached per player.
 * No video.js here.
 */

export type ThumbnailLoadErrorCode = 'fetch-failed' | 'http-status' | 'image-failed' | 'bad-url';

/** A document or image that could not be loaded. */
export class ThumbnailLoadError extends Error {
  readonly code: ThumbnailLoadErrorCode;
  readonly url: string;
  readonly status: number | undefined;

  constructor(code: ThumbnailLoadErrorCode, url: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ThumbnailLoadError';
    this.code = code;
    this.url = url;
    this.status = options?.status;
  }
}

/** True for absolute `http:`/`https:` URLs, the only ones this package ever loads. */
export function isLoadableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function assertLoadable(url: string): void {
  if (!isLoadableUrl(url)) {
    throw new ThumbnailLoadError('bad-url', url, `Refusing to load "${url}": only absolute http: and https: URLs are loaded.`);
  }
}

/**
 * Fetch a text document. Rejects with a `ThumbnailLoadError` (network/CORS failure or a non-2xx
 * status) or with the signal's `AbortError`. Resolves with the text and the final URL (after
 * redirects), which is the right base for URLs inside the document.
 */
export async function fetchText(url: string, signal: AbortSignal, what: string): Promise<{ text: string; url: string }> {
  assertLoadable(url);
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ThumbnailLoadError(
      'fetch-failed',
      url,
      `Could not fetch the ${what} from ${url} (network error, or the server sends no CORS header for this page's origin).`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new ThumbnailLoadError('http-status', url, `Could not fetch the ${what} from ${url}: HTTP ${response.status}.`, {
      status: response.status,
    });
  }
  const text = await response.text();
  return { text, url: response.url || url };
}

/**
 * Sprite sheets of one player: each URL is requested at most once and kept decoded, so that
 * swapping to it never shows a half-decoded image (a failed one may be asked for again).
 */
export class SheetCache {
  private readonly entries = new Map<string, { image: HTMLImageElement; promise: Promise<HTMLImageElement>; ready: boolean }>();
  private disposed = false;

  /** The decoded sheet, loading it first if needed. Rejects with a `ThumbnailLoadError`. */
  load(url: string): Promise<HTMLImageElement> {
    const known = this.entries.get(url);
    if (known) return known.promise;
    if (this.disposed) return Promise.reject(new ThumbnailLoadError('image-failed', url, 'The thumbnail loader was disposed.'));
    const image = new Image();
    image.decoding = 'async';
    const entry = {
      image,
      ready: false,
      promise: Promise.resolve().then(async () => {
        assertLoadable(url);
        image.src = url;
        try {
          await image.decode();
        } catch (cause) {
          // decode() can reject for a loaded image (e.g. a huge one); only a broken image is a failure.
          if (!(image.complete && image.naturalWidth > 0)) {
            throw new ThumbnailLoadError('image-failed', url, `Could not load the sprite sheet ${url}.`, { cause });
          }
        }
        entry.ready = true;
        return image;
      }),
    };
    // Callers may drop the promise (prefetch); keep a failure from surfacing as unhandled.
    // A failure is not cached: the next load of this URL (a reload, another source) tries again.
    entry.promise.catch(() => {
      if (this.entries.get(url) === entry) this.entries.delete(url);
    });
    this.entries.set(url, entry);
    return entry.promise;
  }

  /** The sheet if it is already decoded, for drawing without waiting. */
  ready(url: string): HTMLImageElement | undefined {
    const entry = this.entries.get(url);
    return entry?.ready ? entry.image : undefined;
  }

  has(url: string): boolean {
    return this.entries.has(url);
  }

  /** Forget sheets not in `keep` (another video's sheets), cancelling their downloads. */
  retain(keep: readonly string[]): void {
    const wanted = new Set(keep);
    for (const [url, entry] of this.entries) {
      if (wanted.has(url)) continue;
      if (!entry.ready) entry.image.removeAttribute('src');
      this.entries.delete(url);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.retain([]);
  }
}
