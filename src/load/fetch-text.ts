/** Text documents (payload JSON, WebVTT) through `fetch` with an AbortSignal, a timeout and typed errors. */
import { clip, quote, ThumbnailLoadError } from '../parse/errors.js';
import { isHttpUrl } from '../parse/urls.js';

/** Milliseconds before a document that has not fully arrived fails with `timeout`. */
export const DEFAULT_TIMEOUT = 15000;
/** setTimeout fires at once beyond a signed 32-bit delay: longer timeouts mean none. */
const MAX_TIMER = 2 ** 31 - 1;

/** Throws `bad-url` unless `url` is an absolute http(s) URL, the only ones this package loads. */
export function assertLoadable(url: string): void {
  if (!isHttpUrl(url)) {
    throw new ThumbnailLoadError('bad-url', url, `Refusing to load ${quote(url)}: only absolute http: and https: URLs are loaded.`);
  }
}

/**
 * Fetch a text document. Resolves with the text and the final URL (after redirects), which
 * is the right base for URLs inside the document. Rejects with the caller's `AbortError`
 * when `signal` aborts (callers use that to drop stale loads), else with a
 * `ThumbnailLoadError`: `timeout` when the whole document (headers and body) has not
 * arrived within `timeout` ms, `fetch-failed` for a network or CORS failure or a body cut off
 * mid-transfer, `http-status` for a non-2xx answer. `timeout` ≤ 0 or not a number means the
 * default; `Infinity` means none.
 */
export async function fetchText(
  url: string,
  signal: AbortSignal,
  what: string,
  timeout = DEFAULT_TIMEOUT,
  /** `no-cache` for a retry: a failure the HTTP cache kept must be asked for again. */
  cache: RequestCache = 'default',
): Promise<{ text: string; url: string }> {
  assertLoadable(url);
  const shown = clip(url);
  const limit = typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT;
  // One controller for the caller's abort and the timer (AbortSignal.any and .timeout would do
  // the same, but need Safari 17.4 / Chrome 116; this runs wherever fetch takes a signal).
  const controller = new AbortController();
  const forward = () => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer =
    limit < MAX_TIMER
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`no complete answer within ${limit} ms`, 'TimeoutError'));
        }, limit)
      : undefined;
  /** The typed error for a failure at `step`, or the caller's own abort unchanged. */
  const failure = (error: unknown, step: string): unknown => {
    if (signal.aborted) return signal.reason ?? error;
    if (timedOut) {
      return new ThumbnailLoadError('timeout', url, `The ${what} from ${shown} did not arrive within ${limit} ms (${step}).`, { cause: error });
    }
    return new ThumbnailLoadError('fetch-failed', url, `Could not fetch the ${what} from ${shown} (${step}).`, { cause: error });
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', cache });
    } catch (error) {
      throw failure(error, timedOut ? 'no response' : "network error, or the server sends no CORS header for this page's origin");
    }
    if (!response.ok) {
      // The body is not needed: let the connection go.
      response.body?.cancel().catch(() => {});
      throw new ThumbnailLoadError('http-status', url, `Could not fetch the ${what} from ${shown}: HTTP ${response.status}.`, {
        status: response.status,
      });
    }
    try {
      return { text: await readText(response), url: response.url || url };
    } catch (error) {
      throw failure(error, timedOut ? 'the body stalled' : 'the body was cut off mid-transfer');
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}

/**
 * The body as text, decoded chunk by chunk as it arrives: `response.text()` decodes a large VTT
 * (10 hours, a few MB) in one long task at the end; this spreads the work over the download.
 */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
