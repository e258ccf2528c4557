import './support/console.js';
import { expect } from '@open-wc/testing';
import { SpriteEventError, type SpriteEventErrorCode } from '../src/parse/errors.js';
import { MAX_MARKS, parseKeyFrameMarks } from '../src/parse/marks.js';

const FIXTURES = new URL('/test/fixtures/tencent/', location.href).href;
/** The three marks both fixtures describe. */
const THREE = [
  { time: 12, text: 'Opening titles' },
  { time: 95.5, text: '高潮' },
  { time: 150.25, text: 'Credits' },
];

function expectError(run: () => unknown, code: SpriteEventErrorCode, ...fragments: string[]): SpriteEventError {
  try {
    run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(SpriteEventError);
    const typed = error as SpriteEventError;
    expect(typed.code, typed.message).to.equal(code);
    for (const fragment of fragments) expect(typed.message).to.include(fragment);
    return typed;
  }
  throw new Error('expected a SpriteEventError, nothing was thrown');
}

const item = (TimeOffset: unknown, Content: unknown) => ({ TimeOffset, Content });
const media = (FileId: string, set: unknown[] | null) => ({ FileId, KeyFrameDescInfo: set && { KeyFrameDescSet: set } });

describe('parseKeyFrameMarks: DescribeMediaInfos (TimeOffset in seconds)', () => {
  it('every shape: the answer, its JSON text, Response, MediaInfoSet, one media info, a bare KeyFrameDescInfo', async () => {
    const body = await (await fetch(`${FIXTURES}describe-media-infos-marks.json`)).text();
    const answer = JSON.parse(body);
    const info = answer.Response.MediaInfoSet[0];
    for (const input of [body, answer, answer.Response, info, info.KeyFrameDescInfo]) {
      expect(parseKeyFrameMarks(input)).to.deep.equal(THREE);
    }
  });

  it('several media: the first with marks, or the one fileId names', () => {
    const answer = { Response: { MediaInfoSet: [media('a', null), media('b', [item(5, 'b mark')]), media('c', [item(7, 'c mark')])], RequestId: 'r' } };
    expect(parseKeyFrameMarks(answer)).to.deep.equal([{ time: 5, text: 'b mark' }]);
    expect(parseKeyFrameMarks(answer, { fileId: 'c' })).to.deep.equal([{ time: 7, text: 'c mark' }]);
    expect(parseKeyFrameMarks(answer, { fileId: 'a' })).to.deep.equal([]);
  });
});

describe('parseKeyFrameMarks: the playback-info answer (timeOffset in ms, content percent-encoded)', () => {
  it('the answer, its JSON text and its media object', async () => {
    const body = await (await fetch(`${FIXTURES}playback-info-v4.json`)).text();
    const answer = JSON.parse(body);
    for (const input of [body, answer, answer.media, answer.media.keyFrameDescInfo]) expect(parseKeyFrameMarks(input)).to.deep.equal(THREE);
  });

  it('text that is not percent-encoded stays as it is', () => {
    expect(parseKeyFrameMarks({ keyFrameDescList: [{ timeOffset: 1000, content: '100% fun' }] })).to.deep.equal([{ time: 1, text: '100% fun' }]);
  });

  it('an error answer is task-failed', () => {
    expectError(() => parseKeyFrameMarks({ code: 1001, message: 'no such file', version: 4 }), 'task-failed', 'code 1001');
  });
});

describe('parseKeyFrameMarks: a { time, text } array (the element’s marks property)', () => {
  it('sorted by time, the same time and text once, trimmed, empty text dropped', () => {
    const marks = [
      { time: 30, text: '  third ' },
      { time: 10, text: 'first' },
      { time: 20, text: '\n\t' },
      { time: 10, text: 'first' },
      { time: 10, text: 'also at ten' },
      { time: 0, text: 'start' },
      { time: 5, text: null },
      { time: 6, text: 'two\n  lines' },
    ];
    expect(parseKeyFrameMarks(marks as never)).to.deep.equal([
      { time: 0, text: 'start' },
      { time: 6, text: 'two lines' },
      { time: 10, text: 'first' },
      { time: 10, text: 'also at ten' },
      { time: 30, text: 'third' },
    ]);
  });

  it('text over 128 characters is cut with an ellipsis, never in a surrogate pair', () => {
    const [long] = parseKeyFrameMarks([{ time: 1, text: 'a'.repeat(5_000_000) }]);
    expect(long!.text).to.equal(`${'a'.repeat(127)}…`);
    const [emoji] = parseKeyFrameMarks([{ time: 1, text: `${'a'.repeat(126)}😀😀` }]);
    expect(emoji!.text).to.equal(`${'a'.repeat(126)}…`);
  });

  it('HTML in the text is kept as text (the element shows it with textContent)', () => {
    expect(parseKeyFrameMarks([{ time: 1, text: '<img src=x onerror=alert(1)>' }])).to.deep.equal([{ time: 1, text: '<img src=x onerror=alert(1)>' }]);
  });

  // Speed is the benchmarks' business (a timed unit test only measures this shared machine's load).
  it(`up to ${MAX_MARKS} marks; 10,000 is a clear bad-marks error`, () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => ({ time: count - i, text: `m${i}` }));
    expect(parseKeyFrameMarks(many(MAX_MARKS))).to.have.length(MAX_MARKS);
    expectError(() => parseKeyFrameMarks(many(10000)), 'bad-marks', 'marks holds 10000 marks', `at most ${MAX_MARKS}`);
  });
});

describe('parseKeyFrameMarks: no marks, bad marks', () => {
  it('no marks present → []', () => {
    const cases: unknown[] = [
      null,
      undefined,
      [],
      { EventType: 'CreateImageSpriteComplete', CreateImageSpriteCompleteEvent: {} },
      { FileId: 'a', ImageSpriteInfo: null },
      { FileId: 'a', KeyFrameDescInfo: null },
      { KeyFrameDescSet: null },
      { media: { keyFrameDescInfo: null } },
      { Response: { MediaInfoSet: [], RequestId: 'r' } },
    ];
    for (const input of cases) expect(parseKeyFrameMarks(input as never), JSON.stringify(input)).to.deep.equal([]);
  });

  it('a list that is not an array, times that are not finite numbers ≥ 0, items that are not objects: bad-marks naming the field', () => {
    expectError(() => parseKeyFrameMarks({ KeyFrameDescSet: 'x' }), 'bad-marks', 'KeyFrameDescSet is "x": expected an array');
    expectError(() => parseKeyFrameMarks({ FileId: 'a', KeyFrameDescInfo: 5 }), 'bad-marks', 'KeyFrameDescInfo is 5');
    expectError(() => parseKeyFrameMarks({ KeyFrameDescSet: [item(-1, 'a')] }), 'bad-marks', 'KeyFrameDescSet[0].TimeOffset is -1', 'seconds');
    expectError(() => parseKeyFrameMarks({ KeyFrameDescSet: [item(1, 'a'), item(Number.NaN, 'b')] }), 'bad-marks', 'KeyFrameDescSet[1].TimeOffset is NaN');
    expectError(() => parseKeyFrameMarks([{ time: Number.POSITIVE_INFINITY, text: 'a' }]), 'bad-marks', 'marks[0].time is Infinity');
    expectError(() => parseKeyFrameMarks([{ time: '5', text: 'a' }] as never), 'bad-marks', 'marks[0].time is "5"');
    expectError(() => parseKeyFrameMarks({ keyFrameDescList: [{ timeOffset: -5, content: 'a' }] }), 'bad-marks', 'timeOffset is -5', 'milliseconds');
    expectError(() => parseKeyFrameMarks([5] as never), 'bad-marks', 'marks[0] is 5: expected { time, text }');
    expectError(() => parseKeyFrameMarks([{ time: 1, text: 5 }] as never), 'bad-marks', 'marks[0].text is 5: expected text');
    expectError(() => parseKeyFrameMarks(42 as never), 'bad-marks', 'got number 42');
    expectError(() => parseKeyFrameMarks('{"KeyFrameDescSet": ['), 'bad-json');
  });

  it('hostile values (BigInt, Symbol, circular, a throwing getter, a Proxy, deep nesting): bad-marks, never a TypeError', () => {
    const circular: Record<string, unknown> = {};
    circular.Response = circular;
    let deep: Record<string, unknown> = { KeyFrameDescSet: [] };
    for (let i = 0; i < 10000; i++) deep = { Response: deep };
    const throwing = Object.defineProperty({}, 'KeyFrameDescSet', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const proxy = new Proxy([], {
      get() {
        throw new Error('trap');
      },
    });
    const cases: unknown[] = [
      [{ time: 10n, text: 'a' }],
      [{ time: 1, text: Symbol('s') }],
      { MediaInfoSet: [{ FileId: Symbol('f'), KeyFrameDescInfo: { KeyFrameDescSet: [] } }] },
      circular,
      deep,
      JSON.stringify(deep),
      throwing,
      proxy,
      { KeyFrameDescSet: proxy },
    ];
    for (const input of cases) {
      const error = expectError(() => parseKeyFrameMarks(input as never, { fileId: 'x' }), 'bad-marks');
      expect(error.message.length).to.be.below(400);
    }
  });
});
