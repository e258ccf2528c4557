// Differential test: our WebVTT parser against Chromium's own, through a real
// <track kind="metadata"> on a <video>, for every WPT file-parsing input and every
// generated edge case (test/fixtures/make-vtt-fixtures.js). Cue counts, (start, end)
// pairs and texts must match; the thumbnail layer must turn each native cue into the
// image its text names (the text before `#`, resolved against the VTT URL).
import './support/console.js';
import { expect } from '@open-wc/testing';
import { ThumbnailVttError } from '../src/parse/errors.js';
import { parseThumbnailVtt } from '../src/parse/thumbnail-vtt.js';
import { parseVttCues } from '../src/parse/vtt-scanner.js';

interface RawCue {
  start: number;
  end: number;
  text: string;
}

const index: { wpt: string[]; generated: string[] } = await (await fetch('/test/fixtures/vtt-fixtures.json')).json();

/** The browser's parse: `null` when the track fails to load (bad signature). */
function nativeCues(url: string): Promise<RawCue[] | null> {
  return new Promise((resolve, reject) => {
    const video = document.createElement('video');
    const track = document.createElement('track');
    track.kind = 'metadata';
    track.src = url;
    const timer = setTimeout(() => reject(new Error(`<track> gave neither load nor error for ${url}`)), 8000);
    const done = (cues: RawCue[] | null) => {
      clearTimeout(timer);
      video.remove();
      resolve(cues);
    };
    track.addEventListener('load', () => {
      const list = Array.from(track.track.cues ?? [], (cue) => ({ start: cue.startTime, end: cue.endTime, text: (cue as VTTCue).text }));
      done(list);
    });
    track.addEventListener('error', () => done(null));
    video.append(track);
    document.body.append(video);
    track.track.mode = 'hidden';
  });
}

/** The file as the bytes decode, BOM kept, so our parser sees the BOM too. */
async function fileText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok, `${url} served`).to.be.true;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** Order-independent comparison: the native list is in text track cue order, ours in file order. */
function canonical<T extends { start: number; end: number }>(cues: T[]): T[] {
  const key = (cue: T) => JSON.stringify(cue);
  return [...cues].sort((a, b) => a.start - b.start || a.end - b.end || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * What the thumbnail layer must make of one native cue, by an independent reading of the
 * contract: ref = text before `#` (blank → no image, skipped), resolved against the VTT URL;
 * tile from `xywh=` (pixel: allowed; percent: or malformed → error).
 */
type Expected = { cue: { start: number; end: number; url: string; x: number; y: number; w?: number; h?: number } } | { skip: true } | { error: string };
function expectedThumbnail(cue: RawCue, vttUrl: string, signed: Map<string, string>): Expected {
  // Times must be finite and exact to the millisecond (at most 2^53 - 1 ms).
  if (!(cue.start * 1000 <= Number.MAX_SAFE_INTEGER && cue.end * 1000 <= Number.MAX_SAFE_INTEGER)) return { error: 'bad-timestamp' };
  const hash = cue.text.indexOf('#');
  const ref = hash < 0 ? cue.text : cue.text.slice(0, hash);
  if (/^[ \t\n\r\f]*$/.test(ref)) return { skip: true };
  let url: URL;
  try {
    url = new URL(signed.get(ref) ?? ref, vttUrl);
  } catch {
    return { error: 'bad-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'bad-url' };
  url.hash = '';
  const base = { start: cue.start, end: cue.end, url: url.href };
  if (hash < 0) return { cue: { ...base, x: 0, y: 0, w: undefined, h: undefined } };
  const fragment = cue.text.slice(hash + 1).replace(/[ \t\n\r\f]+$/, '');
  const param = fragment.split('&').find((p) => p.startsWith('xywh='));
  if (param === undefined) return { cue: { ...base, x: 0, y: 0, w: undefined, h: undefined } };
  const match = /^xywh=(?:pixel:)?(\d{1,9}),(\d{1,9}),(\d{1,9}),(\d{1,9})$/.exec(param);
  if (!match || Number(match[3]) === 0 || Number(match[4]) === 0) return { error: 'bad-fragment' };
  const [x, y, w, h] = match.slice(1).map(Number) as [number, number, number, number];
  return { cue: { ...base, x, y, w, h } };
}

/**
 * The bench's inputs come with Tencent's signed URL set, 4× as many sheets as the file names
 * (`imageSprite_10_<n>.jpg?t=…&us=…&sign=…` on another host); the others with none.
 */
function signedUrlSet(path: string): string[] {
  if (!path.startsWith('vtt/bench-')) return [];
  return Array.from({ length: 4000 }, (_, i) => `http://1500.vod2.myqcloud.com/abc/imageSprite/imageSprite_10_${i}.jpg?t=6a1b2c3d&us=72d4cd1101&sign=9f86d081884c7d659a2feaa0c55ad015`);
}

async function compare(path: string) {
  const url = new URL(`/test/fixtures/${path}`, location.href).href;
  const [native, text] = await Promise.all([nativeCues(url), fileText(url)]);

  // 1. The WebVTT layer: same cues, same times, same texts.
  let ours: RawCue[] | null;
  try {
    ours = parseVttCues(text).map(({ start, end, text }) => ({ start, end, text }));
  } catch (error) {
    expect(error, 'only a bad signature may throw').to.be.instanceOf(ThumbnailVttError);
    expect((error as ThumbnailVttError).code).to.equal('not-webvtt');
    ours = null;
  }
  if (native === null) {
    expect(ours, 'native <track> rejected the file, so must we').to.equal(null);
    return { native, ours };
  }
  expect(ours, 'native <track> accepted the file, so must we').to.not.equal(null);
  expect(ours!.length, 'cue count').to.equal(native.length);
  expect(canonical(ours!)).to.deep.equal(canonical(native));

  // 2. The thumbnail layer on the same file.
  const imageUrls = signedUrlSet(path);
  // Bare file names match an entry of the set by name (the contract's rule 1).
  const signed = new Map(imageUrls.map((entry) => [entry.slice(entry.lastIndexOf('/') + 1, entry.indexOf('?')), entry]));
  const expected = native.map((cue) => expectedThumbnail(cue, url, signed));
  const errors = expected.flatMap((e) => ('error' in e ? [e.error] : []));
  const cues = expected.flatMap((e) => ('cue' in e ? [e.cue] : []));
  let track: ReturnType<typeof parseThumbnailVtt> | undefined;
  let thrown: unknown;
  try {
    track = parseThumbnailVtt(text, { vttUrl: url, imageUrls, pageProtocol: 'http:' });
  } catch (error) {
    thrown = error;
  }
  if (errors.length > 0) {
    expect(thrown, `expected one of ${errors.join(', ')}`).to.be.instanceOf(ThumbnailVttError);
    expect(errors).to.include((thrown as ThumbnailVttError).code);
  } else if (cues.length === 0) {
    expect(thrown, 'no cue names an image').to.be.instanceOf(ThumbnailVttError);
    expect((thrown as ThumbnailVttError).code).to.equal('no-cues');
  } else {
    if (thrown) throw thrown;
    expect(track!.cues.length).to.equal(cues.length);
    expect(canonical(track!.cues.map((cue) => ({ ...cue })))).to.deep.equal(canonical(cues));
  }
  return { native, ours };
}

describe('WebVTT parsing matches Chromium’s <track>', () => {
  it('has the fixtures: every WPT input and at least 50 generated files', () => {
    expect(index.wpt.filter((p) => !p.includes('/from-test/')).length).to.be.at.least(19);
    expect(index.generated.length).to.be.at.least(50);
  });

  describe('web-platform-tests inputs', () => {
    for (const path of index.wpt) it(path, () => compare(path));
  });

  describe('generated edge cases', () => {
    for (const path of index.generated) it(path, () => compare(path));
  });

  it('the comparison is not vacuous: most files have cues and some are rejected', async () => {
    const results = await Promise.all(['vtt/tencent-250.vtt', 'vtt/signature-bad-suffix.vtt', 'wpt/timings-too-short.vtt', 'vtt/bench-100k-last-hour.vtt', 'vtt/hours-read-as-infinite.vtt'].map(compare));
    expect(results[0]!.native).to.have.length(250);
    expect(results[1]!.native).to.equal(null);
    expect(results[2]!.native!.length).to.be.greaterThan(0);
    expect(results[3]!.native).to.have.length(3600);
    expect(results[3]!.native![3599]!.end).to.equal(100000);
    // Chromium reads 4294967295 hours as ∞, and so does our WebVTT layer.
    expect(results[4]!.native!.map((c) => c.end)).to.deep.equal([Infinity, 1]);
  });
});
