import './support/console.js';
import { expect } from '@open-wc/testing';
import { ThumbnailVttError, type ThumbnailVttErrorCode } from '../src/parse/errors.js';
import { parseThumbnailVtt, parseThumbnailVttAsync } from '../src/parse/thumbnail-vtt.js';
import { parseVttCues } from '../src/parse/vtt-scanner.js';

const MEDIA = new URL('/demo/public/media/', location.href).href;
const VTT_URL = 'https://cdn.example/sprites/imageSprite_10.vtt';
const parse = (text: string, imageUrls: string[] = []) => parseThumbnailVtt(text, { vttUrl: VTT_URL, imageUrls, pageProtocol: 'https:' });
const tiles = (text: string) => parse(text).cues.map((c) => ({ ...c }));

function vttError(run: () => unknown): ThumbnailVttError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ThumbnailVttError);
    expect((error as Error).name).to.equal('ThumbnailVttError');
    return error as ThumbnailVttError;
  }
  throw new Error('expected a ThumbnailVttError, nothing was thrown');
}

function expectVttError(run: () => unknown, code: ThumbnailVttErrorCode, line: number | undefined, ...fragments: string[]) {
  const error = vttError(run);
  expect(error.code, error.message).to.equal(code);
  expect(error.line, 'line').to.equal(line);
  if (line !== undefined) expect(error.message.startsWith(`line ${line}: `), error.message).to.be.true;
  for (const fragment of fragments) expect(error.message).to.include(fragment);
  return error;
}

describe('parseThumbnailVtt', () => {
  it('reads the demo’s Tencent VTT: 225 tiles over 3 sheets', async () => {
    const vttUrl = `${MEDIA}imageSprite_10.vtt`;
    const track = parseThumbnailVtt(await (await fetch(vttUrl)).text(), { vttUrl });
    expect(track.cues.length).to.equal(225);
    expect({ ...track.cues[0] }).to.deep.equal({ start: 0, end: 0.8, url: `${MEDIA}imageSprite_10_0.jpg`, x: 0, y: 0, w: 142, h: 80 });
    expect({ ...track.cues[123] }).to.deep.equal({ start: 98.4, end: 99.2, url: `${MEDIA}imageSprite_10_1.jpg`, x: 3 * 142, y: 2 * 80, w: 142, h: 80 });
    expect({ ...track.cues[224] }).to.deep.equal({ start: 179.2, end: 180, url: `${MEDIA}imageSprite_10_2.jpg`, x: 4 * 142, y: 2 * 80, w: 142, h: 80 });
    expect(track.sheets).to.deep.equal([0, 1, 2].map((i) => `${MEDIA}imageSprite_10_${i}.jpg`));
    expect(track.at(100)!.x).to.equal(5 * 142);
  });

  it('timestamps with and without hours, with more than two hour digits', () => {
    const cues = tiles('WEBVTT\n\n01:02.345 --> 1:00:00.000\na.jpg#xywh=0,0,1,1\n\n123:04:05.006 --> 1000:00:00.000\na.jpg#xywh=0,0,1,1\n');
    expect(cues.map((c) => [c.start, c.end])).to.deep.equal([
      [62.345, 3600],
      [123 * 3600 + 4 * 60 + 5.006, 3600000],
    ]);
  });

  describe('timestamps out of range (issue 12, item 6)', () => {
    const file = (start: string, end = '00:00:01.000') => `WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#xywh=0,0,1,1\n\n${start} --> ${end}\nb.jpg#xywh=0,0,1,1\n`;

    it('a 400-digit hour is bad-timestamp on its timing line, never a NaN start', () => {
      expectVttError(() => parse(file(`${'9'.repeat(400)}:00:00.000`)), 'bad-timestamp', 6, 'out of range');
      expectVttError(() => parse(file('00:00:02.000', `${'1'.repeat(400)}:00:00.000`)), 'bad-timestamp', 6, 'out of range');
    });

    it('hours past what a double holds exactly (or that Chromium reads as ∞) are bad-timestamp', () => {
      for (const hours of ['2501999793', '2562047788', '4294967296', '99999999999999999999']) {
        expectVttError(() => parse(file(`${hours}:00:00.000`, `${hours}:00:01.000`)), 'bad-timestamp', 6, 'out of range');
      }
    });

    it('the largest exact hour still parses, to the millisecond', () => {
      const cues = tiles(file('2501999792:00:00.000', '2501999792:00:00.001'));
      expect(cues[1]!.start).to.equal(2501999792 * 3600);
      expect(cues[1]!.end).to.equal(2501999792 * 3600 + 0.001);
    });
  });

  it('BOM, CRLF, CR-only and text after WEBVTT', () => {
    const body = 'WEBVTT Tencent\n\n00:00.000 --> 00:01.000\na.jpg#xywh=1,2,3,4\n\n00:01.000 --> 00:02.000\nb.jpg#xywh=5,6,7,8\n';
    const expected = tiles(body);
    expect(expected).to.have.length(2);
    expect(tiles(`\uFEFF${body}`)).to.deep.equal(expected);
    expect(tiles(body.replaceAll('\n', '\r\n'))).to.deep.equal(expected);
    expect(tiles(body.replaceAll('\n', '\r'))).to.deep.equal(expected);
  });

  it('ids, NOTE, STYLE and REGION blocks and cue settings are read past', () => {
    const cues = tiles(
      'WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r\n\nNOTE made by Tencent\n\n1\n00:00.000 --> 00:01.000 align:start region:r\na.jpg#xywh=0,0,10,10\n\nNOTE\nmulti-line\ncomment\n\nthumb-2\n00:01.000 --> 00:02.000\na.jpg#xywh=10,0,10,10\n',
    );
    expect(cues.map((c) => [c.start, c.x])).to.deep.equal([
      [0, 0],
      [1, 10],
    ]);
  });

  it('malformed cues are skipped as the WebVTT parser skips them', () => {
    const cues = tiles(
      'WEBVTT\n\n00:00.000 --> 00:01.00\nbad.jpg\n\n00:60.000 --> 00:61.000\nbad.jpg\n\nid\ngarbage\n00:02.000 --> 00:03.000\ngood.jpg#xywh=0,0,1,1\n\n00:03.000 -> 00:04.000\nbad.jpg\n',
    );
    expect(cues.map((c) => [c.start, c.url])).to.deep.equal([[2, 'https://cdn.example/sprites/good.jpg']]);
  });

  it('a cue text line with --> starts the next cue', () => {
    const cues = tiles('WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#xywh=0,0,1,1\n00:01.000 --> 00:02.000\nb.jpg#xywh=0,0,1,1\n');
    expect(cues.map((c) => c.url.slice(-5))).to.deep.equal(['a.jpg', 'b.jpg']);
  });

  it('#xywh with the pixel: unit; no fragment = the whole image; other fragment parameters ignored', () => {
    const cues = tiles(
      'WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#xywh=pixel:1,2,3,4\n\n00:01.000 --> 00:02.000\nwhole.jpg\n\n00:02.000 --> 00:03.000\nb.jpg#t=10&xywh=5,6,7,8\n\n00:03.000 --> 00:04.000\nc.jpg#t=10\n',
    );
    expect(cues.map((c) => [c.url.split('/').pop(), c.x, c.y, c.w, c.h])).to.deep.equal([
      ['a.jpg', 1, 2, 3, 4],
      ['whole.jpg', 0, 0, undefined, undefined],
      ['b.jpg', 5, 6, 7, 8],
      ['c.jpg', 0, 0, undefined, undefined],
    ]);
  });

  it('percent: tiles are rejected clearly, never drawn as pixels', () => {
    expectVttError(
      () => parse('WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#xywh=0,0,1,1\n\n00:01.000 --> 00:02.000\na.jpg#xywh=percent:0,0,50,50\n'),
      'bad-fragment',
      7,
      'a.jpg#xywh=percent:0,0,50,50',
      'percent: units, which are not supported',
    );
  });

  it('malformed #xywh is bad-fragment with the line', () => {
    for (const fragment of ['xywh=1,2,3', 'xywh=1,2,3,4,5', 'xywh=1,2,0,4', 'xywh=1,2,3,0', 'xywh=-1,2,3,4', 'xywh=1.5,2,3,4', 'xywh=a,b,c,d', 'xywh=', 'xywh=1, 2,3,4', 'xywh=1,2,3,4x', 'xywh=1234567890,0,1,1']) {
      expectVttError(
        () => parse(`WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#${fragment}\n`),
        'bad-fragment',
        4,
        `"a.jpg#${fragment}"`,
        'expected #xywh=x,y,w,h with whole pixel numbers and w, h > 0',
      );
    }
  });

  it('refs that are not http(s) are never loaded: bad-url with the line', () => {
    for (const ref of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'blob:https://a/b', 'file:///etc/passwd']) {
      expectVttError(
        () => parse(`WEBVTT\n\n00:00.000 --> 00:01.000\nok.jpg#xywh=0,0,1,1\n\n00:01.000 --> 00:02.000\n${ref}#xywh=0,0,1,1\n`),
        'bad-url',
        7,
        JSON.stringify(ref),
        'only http(s) images are loaded',
      );
    }
  });

  describe('not-webvtt', () => {
    it('names what line 1 held', () => {
      const error = expectVttError(() => parse('<!doctype html>\n<title>404 Not Found</title>'), 'not-webvtt', 1);
      expect(error.message).to.equal(
        'line 1: not a WebVTT file (line 1 is "<!doctype html>"); it must start with "WEBVTT" and a space, tab or line break. Check the VTT URL.',
      );
    });

    it('an empty file, a lowercase or glued signature, a BOM alone', () => {
      expectVttError(() => parse(''), 'not-webvtt', 1, 'the file is empty');
      expectVttError(() => parse('webvtt\n'), 'not-webvtt', 1, 'line 1 is "webvtt"');
      expectVttError(() => parse('WEBVTTX\n'), 'not-webvtt', 1, 'line 1 is "WEBVTTX"');
      expectVttError(() => parse('\uFEFF'), 'not-webvtt', 1);
    });

    it('a long first line is shortened', () => {
      const error = vttError(() => parse(`{"json": "${'x'.repeat(200)}"}`));
      expect(error.message).to.include(`${'x'.repeat(40)}"…`);
      expect(error.message.length).to.be.below(250);
    });

    it('input that is not a string', () => {
      expectVttError(() => parse(null as never), 'not-webvtt', undefined, 'got null');
    });
  });

  describe('no-cues', () => {
    it('a file with only a header', () => {
      expect(vttError(() => parse('WEBVTT\n\nNOTE nothing here\n')).message).to.equal('the WebVTT file has no cues (3 lines read).');
      expectVttError(() => parse('WEBVTT'), 'no-cues', undefined, '(1 line read)');
    });

    it('points at the first unreadable timing line', () => {
      const error = expectVttError(() => parse('WEBVTT\n\nNOTE x\n\n0:00.000 --> 0:01.000\na.jpg\n'), 'no-cues', 5);
      expect(error.message).to.equal(
        'line 5: no readable cues; first bad timing line: "0:00.000 --> 0:01.000" (expected like "00:00:01.000 --> 00:00:02.000").',
      );
    });

    it('cues that name no image', () => {
      expectVttError(() => parse('WEBVTT\n\n00:00.000 --> 00:01.000\n\n00:01.000 --> 00:02.000\n#xywh=0,0,1,1\n'), 'no-cues', undefined, 'none of the 2 cues names an image');
    });
  });

  it('cues without an image are skipped, the others kept', () => {
    const cues = tiles('WEBVTT\n\n00:00.000 --> 00:01.000\n   \n\n00:01.000 --> 00:02.000\na.jpg#xywh=0,0,1,1\n');
    expect(cues.map((c) => c.start)).to.deep.equal([1]);
  });

  it('the track is frozen', () => {
    const track = parse('WEBVTT\n\n00:00.000 --> 00:01.000\na.jpg#xywh=0,0,1,1\n');
    expect(Object.isFrozen(track.cues)).to.be.true;
    expect(Object.isFrozen(track.cues[0])).to.be.true;
  });

  it('a 36,000-cue, 10-hour Tencent VTT: every cue, in order, on the right sheet', () => {
    const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    const parts = ['WEBVTT\n\n'];
    for (let i = 0; i < 36000; i++) {
      parts.push(`${stamp(i)} --> ${stamp(i + 1)}\nimageSprite_10_${Math.floor(i / 100)}.jpg#xywh=${(i % 10) * 142},${Math.floor((i % 100) / 10) * 80},142,80\n\n`);
    }
    const imageUrls = Array.from({ length: 360 }, (_, i) => `http://1256.vod2.myqcloud.com/x/imageSprite/imageSprite_10_${i}.jpg?t=1&sign=s`);
    const track = parse(parts.join(''), imageUrls);
    expect(track.cues.length).to.equal(36000);
    expect(track.sheets).to.deep.equal(imageUrls.map((u) => u.replace('http:', 'https:')));
    expect({ ...track.at(35999.5) }).to.deep.equal({ start: 35999, end: 36000, url: track.sheets[359], x: 9 * 142, y: 9 * 80, w: 142, h: 80 });
    expect(track.at(12345)!.url).to.equal(track.sheets[123]);
  });
});

describe('parseThumbnailVttAsync', () => {
  const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const big = (count: number) => {
    const parts = ['WEBVTT\n\n'];
    for (let i = 0; i < count; i++) parts.push(`${stamp(i)} --> ${stamp(i + 1)}\nimageSprite_10_${Math.floor(i / 100)}.jpg#xywh=${(i % 10) * 142},${Math.floor((i % 100) / 10) * 80},142,80\n\n`);
    return parts.join('');
  };
  const options = { vttUrl: VTT_URL, pageProtocol: 'https:' };

  it('gives the same track as the sync parse, yielding to other tasks between slices', async () => {
    const text = big(20000);
    // scheduler.yield() resumes the parse before ordinary timers (its continuations keep their
    // priority) but lets more urgent work in, such as input: a user-blocking task stands in.
    const scheduler = (globalThis as unknown as { scheduler?: { postTask(f: () => void, o: { priority: string }): Promise<void> } }).scheduler;
    const later = (f: () => void) => (scheduler ? void scheduler.postTask(f, { priority: 'user-blocking' }) : setTimeout(f, 0));
    let done = false;
    let ranWhileParsing = false;
    later(() => {
      ranWhileParsing = !done;
    });
    const track = await parseThumbnailVttAsync(text, options, { sliceMs: 0 });
    done = true;
    expect(ranWhileParsing, 'another task ran before the parse ended').to.be.true;
    expect(track.cues.map((c) => ({ ...c }))).to.deep.equal(parseThumbnailVtt(text, options).cues.map((c) => ({ ...c })));
  });

  it('rejects with the same typed errors', async () => {
    const bad = 'WEBVTT\n\n00:00.000 --> 00:01.000\njavascript:alert(1)#xywh=0,0,1,1\n';
    const error = await parseThumbnailVttAsync(bad, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ThumbnailVttError);
    expect((error as ThumbnailVttError).code).to.equal('bad-url');
    expect((error as ThumbnailVttError).line).to.equal(4);
    const notVtt = await parseThumbnailVttAsync('<html>', options).catch((e: unknown) => e);
    expect((notVtt as ThumbnailVttError).code).to.equal('not-webvtt');
  });

  it('stops at the next slice when its signal aborts, and does not start when already aborted', async () => {
    const controller = new AbortController();
    const pending = parseThumbnailVttAsync(big(20000), options, { signal: controller.signal, sliceMs: 0 });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    const early = await parseThumbnailVttAsync(big(1), options, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((early as DOMException).name).to.equal('AbortError');
  });
});

describe('parseVttCues (the WebVTT layer)', () => {
  it('CRLF, LF, CR-only and mixed line ends give the same cues', () => {
    const lf = 'WEBVTT\n\nid\n00:00.000 --> 00:01.000\nfirst line\nsecond line\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\nlast';
    const expected = parseVttCues(lf).map(({ start, end, text }) => ({ start, end, text }));
    expect(expected.map((c) => c.text)).to.deep.equal(['first line\nsecond line', '', 'last']);
    for (const text of [lf.replaceAll('\n', '\r\n'), lf.replaceAll('\n', '\r'), lf.replace('\n\n', '\r\n\r').replace('line\n', 'line\r')]) {
      expect(parseVttCues(text).map(({ start, end, text }) => ({ start, end, text }))).to.deep.equal(expected);
    }
  });

  it('keeps cue text as the parser sees it: lines joined by LF, NULL as U+FFFD', () => {
    expect(parseVttCues('WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nline 1\r\nline\u00002\r\n')).to.deep.equal([
      { start: 0, end: 1, text: 'line 1\nline\uFFFD2', line: 4 },
    ]);
  });
});
