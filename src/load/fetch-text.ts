/** Text documents (payload JSON, WebVTT) through `fetch` with an AbortSignal and typed errors. */
import { ThumbnailLoadError } from '../parse/errors.js';
import { isHttpUrl } from '../parse/urls.js';

/** Throws `bad-url` unless `url` is an absolute http(s) URL, the only ones this package loads. */
export function assertLoadable(url: string): void {
  if (!isHttpUrl(url)) {
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
