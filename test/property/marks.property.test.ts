// Property: parseKeyFrameMarks on any input returns marks sorted by time, with finite times ≥ 0,
// trimmed non-empty text of at most 128 characters and no repeats; or throws a SpriteEventError
// with a code.
import '../support/console.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SpriteEventError } from '../../src/parse/errors.js';
import { MAX_MARK_TEXT, parseKeyFrameMarks } from '../../src/parse/marks.js';
import { fuzzParameters, Outcomes } from './runs.js';

const CODES = ['bad-marks', 'bad-json', 'task-failed'];

const time = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
  { weight: 2, arbitrary: fc.nat() },
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, '5', null) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 0 }) },
);
const text = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('  padded  ', '\n', '', '%E9%AB%98', '100%', '<b>x</b>', '😀'.repeat(100), 'x'.repeat(300)) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 0 }) },
);
const list = (timeKey: string, textKey: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.record({ [timeKey]: time, [textKey]: text }), { maxLength: 12 }) },
    // Repeats, to exercise the dedupe.
    { weight: 2, arbitrary: fc.array(fc.record({ [timeKey]: time, [textKey]: text }), { minLength: 1, maxLength: 3 }).map((items) => [...items, ...items]) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
  );
const shaped = fc.oneof(
  list('time', 'text'),
  fc.record({ KeyFrameDescSet: list('TimeOffset', 'Content') }),
  fc.record({ FileId: fc.string(), KeyFrameDescInfo: fc.oneof(fc.constant(null), fc.record({ KeyFrameDescSet: list('TimeOffset', 'Content') })) }),
  fc.record({ MediaInfoSet: fc.array(fc.record({ FileId: fc.string(), KeyFrameDescInfo: fc.record({ KeyFrameDescSet: list('TimeOffset', 'Content') }) }), { maxLength: 3 }) }),
  fc.record({ code: fc.constantFrom(0, 0, 1001), version: fc.constant(4), media: fc.record({ keyFrameDescInfo: fc.oneof(fc.constant(null), fc.record({ keyFrameDescList: list('timeOffset', 'content') })) }) }),
  fc.record({ keyFrameDescList: list('timeOffset', 'content') }),
);
const wrapped = fc.tuple(shaped, fc.oneof({ weight: 8, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 12 }) })).map(([inner, depth]) => {
  let value: unknown = inner;
  for (let i = 0; i < depth; i++) value = { Response: value };
  return value;
});
const input = fc.oneof(
  { weight: 6, arbitrary: wrapped },
  { weight: 1, arbitrary: wrapped.map((value) => JSON.stringify(value) ?? '') },
  { weight: 2, arbitrary: fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true, withSparseArray: true }) },
);

describe('parseKeyFrameMarks: any input (property)', () => {
  it('returns sorted, finite, trimmed, unique marks, or throws a SpriteEventError with a code', async function () {
    const parameters = await fuzzParameters(1500, this);
    const outcomes = new Outcomes();
    fc.assert(
      fc.property(input, (value) => {
        let marks: ReturnType<typeof parseKeyFrameMarks>;
        try {
          marks = parseKeyFrameMarks(value as never);
        } catch (error) {
          if (!(error instanceof SpriteEventError)) throw error;
          expect(CODES).to.include(error.code);
          expect(error.message.length).to.be.below(2000);
          outcomes.count(error.code);
          return;
        }
        outcomes.count(marks.length ? 'marks' : 'none');
        const keys = new Set<string>();
        marks.forEach((mark, index) => {
          expect(Number.isFinite(mark.time) && mark.time >= 0, String(mark.time)).to.be.true;
          if (index) expect(mark.time).to.be.at.least(marks[index - 1]!.time);
          expect(mark.text).to.be.a('string').and.not.equal('');
          expect(mark.text).to.equal(mark.text.trim());
          expect(mark.text.length).to.be.at.most(MAX_MARK_TEXT);
          const key = `${mark.time} ${mark.text}`;
          expect(keys.has(key), key).to.be.false;
          keys.add(key);
        });
      }),
      parameters,
    );
    outcomes.report('parseKeyFrameMarks', parameters.numRuns);
    expect(outcomes.get('marks'), 'inputs with marks').to.be.above(parameters.numRuns / 20);
    expect(outcomes.get('bad-marks'), 'bad marks').to.be.above(0);
  });
});
