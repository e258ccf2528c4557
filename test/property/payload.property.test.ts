// Property: parseSpriteEvent on any input returns sprite results with absolute http(s) URLs, or
// throws a SpriteEventError with one of its codes. Nothing else ever escapes.
import '../support/console.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SpriteEventError } from '../../src/parse/errors.js';
import { parseSpriteEvent } from '../../src/parse/payload.js';
import { fuzzParameters, Outcomes, URLISH } from './runs.js';

const CODES = ['bad-json', 'not-sprite-event', 'task-failed', 'no-sprite-data', 'bad-url'];

const goodUrl = fc.oneof(fc.constantFrom(...URLISH.slice(0, 3)), fc.webUrl({ validSchemes: ['http', 'https'] }));
const url = fc.oneof({ weight: 8, arbitrary: goodUrl }, { weight: 2, arbitrary: fc.constantFrom(...URLISH) }, { weight: 1, arbitrary: fc.string() });
const urls = fc.oneof({ weight: 8, arbitrary: fc.array(url, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) });
const code = fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom('0', 1, 70000, null) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 0 }) });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const task = fc.record(
  { ErrCode: code, Message: maybe(fc.string()), TaskId: maybe(fc.string()), FileId: maybe(fc.oneof(fc.string(), fc.integer())), Definition: maybe(fc.oneof(fc.integer(), fc.string())), ImageSpriteUrlSet: urls, WebVttUrl: url },
  { requiredKeys: ['ImageSpriteUrlSet', 'WebVttUrl'] },
);
const spriteItem = fc.record({ Definition: maybe(fc.integer()), Width: maybe(fc.double()), Height: maybe(fc.integer()), ImageUrlSet: urls, WebVttUrl: url }, { requiredKeys: ['ImageUrlSet', 'WebVttUrl'] });
const event = fc.record({
  EventType: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('CreateImageSpriteComplete', 'ProcedureStateChanged', 'NewFileUpload') }, { weight: 1, arbitrary: fc.string() }),
  CreateImageSpriteCompleteEvent: fc.oneof({ weight: 6, arbitrary: task }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) }),
  ProcedureStateChangeEvent: fc.oneof(
    fc.constant(null),
    fc.record({
      ErrCode: code,
      MediaProcessResultSet: fc.array(
        fc.record({ Type: fc.constantFrom('ImageSprites', 'Transcode'), ImageSpriteTask: fc.record({ Status: fc.constantFrom('SUCCESS', 'FAIL', 'PROCESSING'), ErrCode: code, Input: fc.record({ Definition: fc.integer() }), Output: spriteItem }, { requiredKeys: [] }) }),
        { maxLength: 3 },
      ),
    }),
  ),
});
const mediaInfo = fc.record({ FileId: fc.string(), ImageSpriteInfo: fc.oneof(fc.constant(null), fc.record({ ImageSpriteSet: fc.array(spriteItem, { minLength: 1, maxLength: 3 }) })) });
const playback = fc.record(
  { code: code, version: fc.constant(4), media: fc.oneof(fc.constant(null), fc.record({ imageSpriteInfo: fc.oneof(fc.constant(null), fc.record({ webVttUrl: url, imageUrls: urls }, { requiredKeys: [] })) })) },
  { requiredKeys: [] },
);
const legacy = fc.record({ version: fc.constant('4.0'), eventType: fc.constantFrom('CreateImageSpriteComplete', 'Other'), data: fc.record({ status: code, webVttUrl: url, imageSpriteUrl: urls }, { requiredKeys: [] }) });
const shaped = fc.oneof(task, spriteItem, event, mediaInfo, playback, legacy, fc.record({ MediaInfoSet: fc.array(mediaInfo, { maxLength: 3 }) }));
/** A shape, maybe wrapped in Response layers (deep ones too), maybe an EventSet: [inner, depth]. */
const layered = fc.tuple(fc.oneof(shaped, fc.record({ EventSet: fc.array(event, { maxLength: 4 }) })), fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0, 1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max: 7 }) }, { weight: 1, arbitrary: fc.integer({ min: 8, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 5000, max: 20000 }) }));
const wrapped = layered.map(([inner, depth]) => {
  let value: unknown = inner;
  for (let i = 0; i < depth; i++) value = { Response: value };
  return value;
});
// Built as text: JSON.stringify itself overflows the stack on 20,000 levels.
const wrappedText = layered.map(([inner, depth]) => `${'{"Response":'.repeat(depth)}${JSON.stringify(inner) ?? 'null'}${'}'.repeat(depth)}`);
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }),
  fc.string(),
  fc.json(),
);
const input = fc.oneof({ weight: 4, arbitrary: wrapped }, { weight: 1, arbitrary: wrappedText }, { weight: 1, arbitrary: hostile });

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

describe('parseSpriteEvent: any input (property)', () => {
  it('returns sprite results with absolute http(s) URLs, or throws a SpriteEventError with a code', async function () {
    const parameters = await fuzzParameters(1500, this);
    const outcomes = new Outcomes();
    fc.assert(
      fc.property(input, fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.record({ fileId: maybe(fc.string()), definition: maybe(fc.integer()) }) }), (payload, options) => {
        let results: ReturnType<typeof parseSpriteEvent>;
        try {
          results = parseSpriteEvent(payload as never, options);
        } catch (error) {
          if (!(error instanceof SpriteEventError)) throw error;
          expect(CODES).to.include(error.code);
          outcomes.count(error.code);
          expect(error.message.length, 'message length').to.be.below(2000);
          return;
        }
        outcomes.count('ok');
        expect(results).to.be.an('array').that.is.not.empty;
        for (const info of results) {
          expect(isHttpUrl(info.vttUrl), info.vttUrl).to.be.true;
          expect(info.imageUrls).to.be.an('array').that.is.not.empty;
          for (const image of info.imageUrls) expect(isHttpUrl(image), image).to.be.true;
        }
      }),
      parameters,
    );
    outcomes.report('parseSpriteEvent', parameters.numRuns);
    expect(outcomes.get('ok'), 'successful parses').to.be.above(parameters.numRuns / 20);
    expect(outcomes.seen.size, 'outcomes').to.be.at.least(5);
  });
});
