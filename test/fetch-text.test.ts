// fetchText against the test server's fault routes (hang, stall, truncate; see the runner config):
// every failure typed, with the URL; a timeout covers the body too; the caller's abort stays an AbortError.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { DEFAULT_TIMEOUT, fetchText } from '../src/load/fetch-text.js';
import { QUOTE_LIMIT, ThumbnailLoadError, type ThumbnailLoadErrorCode } from '../src/parse/errors.js';

const VTT = '/demo/public/media/imageSprite_10.vtt';
const absolute = (path: string) => new URL(path, location.href).href;
/** `path` through a fault route, with a unique query so no cache answers. */
const via = (kind: string, path = VTT) => absolute(`/__wtr/${kind}${path}?run=${Math.random().toString(36).slice(2)}`);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, the fetch succeeded');
}

async function expectLoadError(promise: Promise<unknown>, code: ThumbnailLoadErrorCode, url: string): Promise<ThumbnailLoadError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(ThumbnailLoadError);
  const typed = error as ThumbnailLoadError;
  expect(typed.code, typed.message).to.equal(code);
  expect(typed.url).to.equal(url);
  expect(typed.message).to.include(url);
  return typed;
}

describe('fetchText', () => {
  it('resolves with the text and the final URL', async () => {
    const url = absolute(`${VTT}?ok`);
    const { text, url: finalUrl } = await fetchText(url, new AbortController().signal, 'thumbnail WebVTT');
    expect(text.startsWith('WEBVTT')).to.be.true;
    expect(finalUrl).to.equal(url);
  });

  it('defaults to a 15 s timeout', () => {
    expect(DEFAULT_TIMEOUT).to.equal(15000);
  });

  it('a server that never answers: timeout, after about the timeout', async () => {
    const url = via('hang');
    const started = performance.now();
    const error = await expectLoadError(fetchText(url, new AbortController().signal, 'thumbnail WebVTT', 400), 'timeout', url);
    const took = performance.now() - started;
    expect(took).to.be.within(350, 3000);
    expect(error.message).to.include('400 ms');
    expect(error.status).to.equal(undefined);
  });

  it('headers and 20 bytes, then a stalled body: timeout too (the timer covers the body)', async () => {
    const url = via('stall/20');
    const error = await expectLoadError(fetchText(url, new AbortController().signal, 'thumbnail WebVTT', 500), 'timeout', url);
    expect(error.message).to.include('body stalled');
  });

  it('a body cut off mid-transfer: fetch-failed with the URL, not a bare TypeError', async () => {
    const url = via('truncate/20');
    const error = await expectLoadError(fetchText(url, new AbortController().signal, 'thumbnail WebVTT'), 'fetch-failed', url);
    expect(error.message).to.include('cut off mid-transfer');
    expect(error.cause).to.be.instanceOf(Error);
  });

  it("the caller's abort rejects with its AbortError, while waiting for headers and while reading the body", async () => {
    for (const kind of ['hang', 'stall/20']) {
      const controller = new AbortController();
      const pending = fetchText(via(kind), controller.signal, 'thumbnail WebVTT', 5000);
      setTimeout(() => controller.abort(), 150);
      const error = await rejection(pending);
      expect(error, kind).to.be.instanceOf(DOMException);
      expect((error as DOMException).name, kind).to.equal('AbortError');
    }
    const aborted = new AbortController();
    aborted.abort();
    expect(((await rejection(fetchText(absolute(VTT), aborted.signal, 'x'))) as DOMException).name).to.equal('AbortError');
  });

  it('HTTP 404: http-status with the status', async () => {
    const url = absolute(`/__wtr/status/404${VTT}`);
    const error = await expectLoadError(fetchText(url, new AbortController().signal, 'thumbnail WebVTT'), 'http-status', url);
    expect(error.status).to.equal(404);
  });

  it('only http(s) URLs, and a long bad URL is quoted short', async () => {
    const long = `javascript:${'a'.repeat(5000)}`;
    const error = await rejection(Promise.resolve().then(() => fetchText(long, new AbortController().signal, 'x')));
    expect(error).to.be.instanceOf(ThumbnailLoadError);
    const typed = error as ThumbnailLoadError;
    expect(typed.code).to.equal('bad-url');
    // `url` keeps it whole; the message quotes at most QUOTE_LIMIT characters of it.
    expect(typed.url).to.equal(long);
    expect(typed.message.length).to.be.below(QUOTE_LIMIT + 150);
  });
});
