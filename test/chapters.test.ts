import './support/console.js';
import { expect } from '@open-wc/testing';
import { chapterTitle, parseChapters } from '../src/parse/chapters.js';
import { ThumbnailVttError, type ThumbnailVttErrorCode } from '../src/parse/errors.js';

function expectVttError(run: () => unknown, code: ThumbnailVttErrorCode, fragment: string): void {
  try {
    run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ThumbnailVttError);
    expect((error as ThumbnailVttError).code).to.equal(code);
    expect((error as Error).message).to.include(fragment);
    return;
  }
  throw new Error('expected a ThumbnailVttError');
}

describe('parseChapters', () => {
  it('a chapters file: { start, end, text } per cue, sorted by start', () => {
    const vtt = `WEBVTT

intro
00:00.000 --> 00:30.000
Introduction

00:01:30.000 --> 00:03:00.000 align:start
Part two

00:30.000 --> 01:30.000
Part one
`;
    expect(parseChapters(vtt)).to.deep.equal([
      { start: 0, end: 30, text: 'Introduction' },
      { start: 30, end: 90, text: 'Part one' },
      { start: 90, end: 180, text: 'Part two' },
    ]);
  });

  it('titles are plain text: tags stripped, character references decoded, lines joined, trimmed', () => {
    const vtt = `WEBVTT

00:00.000 --> 00:10.000
<b>Intro</b> &amp; <i.loud>set-up</i>

00:10.000 --> 00:20.000
<v Bob>&lt;script&gt;alert(1)&lt;/script&gt;</v>

00:20.000 --> 00:30.000
  two
  lines <00:25.000>karaoke&#33; &#x263A; &nbsp;

00:30.000 --> 00:40.000
<c>   </c>

00:40.000 --> 00:50.000
&unknown; stays, &#0; is replaced
`;
    expect(parseChapters(vtt).map((chapter) => chapter.text)).to.deep.equal([
      'Intro & set-up',
      '<script>alert(1)</script>',
      'two lines karaoke! ☺',
      '&unknown; stays, \uFFFD is replaced',
    ]);
    expect(chapterTitle('<ruby>漢<rt>kan</rt></ruby>字')).to.equal('漢kan字');
  });

  it('not WebVTT, no cues, no titles, not a string: ThumbnailVttError', () => {
    expectVttError(() => parseChapters('CHAPTERS\n\n00:00.000 --> 00:01.000\nA'), 'not-webvtt', 'WEBVTT');
    expectVttError(() => parseChapters('WEBVTT\n\nNOTE only a note\n'), 'no-cues', 'no cue with a title');
    expectVttError(() => parseChapters('WEBVTT\n\n00:00.000 --> 00:01.000\n<b></b>\n'), 'no-cues', 'no cue with a title');
    expectVttError(() => parseChapters(null as never), 'not-webvtt', 'got null');
  });
});
