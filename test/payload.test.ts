import './support/console.js';
import { expect } from '@open-wc/testing';
import { SpriteEventError, type SpriteEventErrorCode } from '../src/parse/errors.js';
import { parseSpriteEvent } from '../src/parse/payload.js';
import type { SpriteInfo } from '../src/parse/types.js';

const PAYLOADS = new URL('/demo/public/payloads/', location.href).href;
const MEDIA = new URL('/demo/public/media/', location.href).href;
const SIGN = '?t=6a4c0b80&us=72d4cd1101&sign=4d1b2c0f9e7a6b5c4d3e2f1a0b9c8d7e';
const TENCENT = 'http://125676836723.vod2.myqcloud.com/xxx/xxx/';

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok, url).to.be.true;
  return response.text();
}

/** The error `run` throws; fails the test when it throws none or another kind. */
function errorOf(run: () => unknown): SpriteEventError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(SpriteEventError);
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).name).to.equal('SpriteEventError');
    return error as SpriteEventError;
  }
  throw new Error('expected a SpriteEventError, nothing was thrown');
}

function expectError(run: () => unknown, code: SpriteEventErrorCode, ...fragments: string[]): SpriteEventError {
  const error = errorOf(run);
  expect(error.code, error.message).to.equal(code);
  for (const fragment of fragments) expect(error.message).to.include(fragment);
  return error;
}

/** A 3.0 sprite task result (CreateImageSpriteTask2017). */
function task(overrides: Record<string, unknown> = {}) {
  return {
    ErrCode: 0,
    Message: '',
    TaskId: 'CreateImageSprite-1',
    FileId: 'file-a',
    Definition: 10,
    TotalCount: 100,
    ImageSpriteUrlSet: ['https://cdn.example/a/imageSprite_10_0.jpg'],
    WebVttUrl: 'https://cdn.example/a/imageSprite_10.vtt',
    ...overrides,
  };
}

const event = (content: unknown, type = 'CreateImageSpriteComplete') => ({
  EventType: type,
  FileUploadEvent: null,
  ProcedureStateChangeEvent: null,
  CreateImageSpriteCompleteEvent: content,
});

describe('parseSpriteEvent: Tencent’s own samples', () => {
  const expected: SpriteInfo = {
    fileId: '14508071098244929440',
    taskId: 'CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd',
    definition: 10,
    totalCount: 106,
    vttUrl: `${TENCENT}xxx.vtt`,
    imageUrls: [`${TENCENT}1.png`, `${TENCENT}2.png`],
  };

  it('reads the normal callback (普通回调) sample as JSON text and as an object', async () => {
    const json = await text('/test/fixtures/tencent/normal-callback-3.0.json');
    expect(parseSpriteEvent(json)).to.deep.equal([expected]);
    expect(parseSpriteEvent(JSON.parse(json))).to.deep.equal([expected]);
  });

  it('reads the reliable callback (可靠回调, PullEvents answer) sample', async () => {
    const json = await text('/test/fixtures/tencent/reliable-callback-3.0.json');
    expect(parseSpriteEvent(json)).to.deep.equal([expected]);
    expect(parseSpriteEvent(JSON.parse(json))).to.deep.equal([expected]);
  });
});

describe('parseSpriteEvent: the demo’s sample payloads (relative URLs, resolved against the JSON URL)', () => {
  const plain = {
    vttUrl: `${MEDIA}imageSprite_10.vtt`,
    imageUrls: [0, 1, 2].map((i) => `${MEDIA}imageSprite_10_${i}.jpg`),
  };
  const taskId = '1400329073-CreateImageSprite-7a3f0c5e8d9b4a21b6c3e0f1d2a4b5c6';
  const fileId = '5285890784246869380';
  const cases: Record<string, SpriteInfo> = {
    'normal.json': { fileId, taskId, definition: 10, totalCount: 225, ...plain },
    'task.json': { fileId, taskId, definition: 10, totalCount: 225, ...plain },
    'legacy-2.0.json': { fileId, taskId, definition: 10, totalCount: 225, ...plain },
    'media-info.json': { fileId, definition: 10, width: 142, height: 80, totalCount: 225, ...plain },
    'procedure.json': {
      fileId,
      taskId: '1400329073-procedurev2-9c1d8e7f6a5b4c3d2e1f0a9b8c7d6e5f',
      definition: 10,
      width: 142,
      height: 80,
      totalCount: 225,
      ...plain,
    },
    'reliable.json': {
      fileId,
      taskId,
      definition: 10,
      totalCount: 225,
      vttUrl: `${plain.vttUrl}${SIGN}`,
      imageUrls: plain.imageUrls.map((url) => `${url}${SIGN}`),
    },
  };
  for (const [name, info] of Object.entries(cases)) {
    it(name, async () => {
      const json = await text(`${PAYLOADS}${name}`);
      const options = { baseUrl: `${PAYLOADS}${name}` };
      expect(parseSpriteEvent(json, options)).to.deep.equal([info]);
      expect(parseSpriteEvent(JSON.parse(json), options)).to.deep.equal([info]);
    });
  }

  it('the resolved URLs load from the test server', async () => {
    const [info] = parseSpriteEvent(await text(`${PAYLOADS}reliable.json`), { baseUrl: `${PAYLOADS}reliable.json` });
    for (const url of [info!.vttUrl, ...info!.imageUrls]) expect((await fetch(url)).ok, url).to.be.true;
  });

  it('failed.json is task-failed, naming ErrCode, Message and the ids', async () => {
    const json = await text(`${PAYLOADS}failed.json`);
    const error = expectError(() => parseSpriteEvent(json, { baseUrl: `${PAYLOADS}failed.json` }), 'task-failed');
    expect(error.message).to.equal(
      'the sprite task failed: ErrCode 70000, Message "InternalError: source file could not be decoded" (TaskId 1400329073-CreateImageSprite-7a3f0c5e8d9b4a21b6c3e0f1d2a4b5c6, FileId 5285890784246869380, Definition 10). Fix the cause and run it again.',
    );
  });
});

describe('parseSpriteEvent: shapes', () => {
  it('normal callback 3.0 with other *Event keys null', () => {
    expect(parseSpriteEvent(event(task()))).to.deep.equal([
      {
        fileId: 'file-a',
        taskId: 'CreateImageSprite-1',
        definition: 10,
        totalCount: 100,
        vttUrl: 'https://cdn.example/a/imageSprite_10.vtt',
        imageUrls: ['https://cdn.example/a/imageSprite_10_0.jpg'],
      },
    ]);
  });

  it('reliable callback with other events and several sprite events: one result each, in order', () => {
    const payload = {
      Response: {
        EventSet: [
          { EventHandle: 'h1', ...event(null, 'NewFileUpload'), FileUploadEvent: { FileId: 'file-a' } },
          { EventHandle: 'h2', ...event(task()) },
          { EventHandle: 'h3', ...event(task({ FileId: 'file-b', TaskId: 't-b', WebVttUrl: 'https://cdn.example/b/s.vtt' })) },
          { EventHandle: 'h4', ...event(task({ Definition: 20, WebVttUrl: 'https://cdn.example/a/s20.vtt' })) },
        ],
        RequestId: 'r',
      },
    };
    const results = parseSpriteEvent(payload);
    expect(results.map((r) => [r.fileId, r.definition, r.vttUrl])).to.deep.equal([
      ['file-a', 10, 'https://cdn.example/a/imageSprite_10.vtt'],
      ['file-b', 10, 'https://cdn.example/b/s.vtt'],
      ['file-a', 20, 'https://cdn.example/a/s20.vtt'],
    ]);
    expect(parseSpriteEvent(payload, { fileId: 'file-b' }).map((r) => r.vttUrl)).to.deep.equal(['https://cdn.example/b/s.vtt']);
    expect(parseSpriteEvent(payload, { definition: 20 }).map((r) => r.vttUrl)).to.deep.equal(['https://cdn.example/a/s20.vtt']);
    expect(parseSpriteEvent(payload, { definition: '20' }).map((r) => r.vttUrl)).to.deep.equal(['https://cdn.example/a/s20.vtt']);
    expect(parseSpriteEvent(payload, { fileId: 'file-a', definition: '10' }).map((r) => r.vttUrl)).to.deep.equal([
      'https://cdn.example/a/imageSprite_10.vtt',
    ]);
  });

  it('a filter that leaves nothing says what is available', () => {
    const payload = { Response: { EventSet: [event(task()), event(task({ FileId: 'file-b', Definition: 20 }))], RequestId: 'r' } };
    expectError(
      () => parseSpriteEvent(payload, { fileId: 'file-c' }),
      'no-sprite-data',
      'no sprite result matches FileId file-c',
      'FileId file-a Definition 10',
      'FileId file-b Definition 20',
    );
    expectError(() => parseSpriteEvent(payload, { fileId: 'file-a', definition: 20 }), 'no-sprite-data', 'FileId file-a and Definition 20');
  });

  it('a failed event next to a successful one: only the successful result', () => {
    const payload = { Response: { EventSet: [event(task({ ErrCode: 70000, Message: 'boom' })), event(task({ FileId: 'ok' }))], RequestId: 'r' } };
    expect(parseSpriteEvent(payload).map((r) => r.fileId)).to.deep.equal(['ok']);
  });

  it('the bare CreateImageSpriteTask2017 object', () => {
    expect(parseSpriteEvent(task())[0]!.taskId).to.equal('CreateImageSprite-1');
  });

  it('legacy 2.0 callback (camelCase fields)', () => {
    const legacy = {
      version: '4.0',
      eventType: 'CreateImageSpriteComplete',
      data: {
        status: 0,
        message: '',
        vodTaskId: 'v-1',
        fileId: 'f-2',
        definition: 10,
        totalCount: 3,
        imageSpriteUrl: ['http://x.vod2.myqcloud.com/a/imageSprite_10_0.jpg'],
        webVttUrl: 'http://x.vod2.myqcloud.com/a/imageSprite_10.vtt',
      },
    };
    expect(parseSpriteEvent(JSON.stringify(legacy))).to.deep.equal([
      {
        fileId: 'f-2',
        taskId: 'v-1',
        definition: 10,
        totalCount: 3,
        vttUrl: 'http://x.vod2.myqcloud.com/a/imageSprite_10.vtt',
        imageUrls: ['http://x.vod2.myqcloud.com/a/imageSprite_10_0.jpg'],
      },
    ]);
    // PascalCase names in a 2.0 body are not Tencent's: nothing to read.
    expectError(
      () => parseSpriteEvent({ ...legacy, data: { status: 0, WebVttUrl: 'https://a/b.vtt', ImageSpriteUrlSet: ['https://a/b.jpg'] } }),
      'no-sprite-data',
      'data.webVttUrl',
    );
  });

  const item = (definition: number, folder: string) => ({
    Definition: definition,
    Height: 80,
    Width: 142,
    TotalCount: 5,
    ImageUrlSet: [`https://cdn.example/${folder}/imageSprite_${definition}_0.jpg`],
    WebVttUrl: `https://cdn.example/${folder}/imageSprite_${definition}.vtt`,
  });

  it('DescribeMediaInfos answer, bare MediaInfo, bare ImageSpriteInfo, bare item', () => {
    const mediaInfo = { FileId: 'm-1', BasicInfo: { Name: 'x' }, ImageSpriteInfo: { ImageSpriteSet: [item(10, 'a'), item(20, 'b')] } };
    const all = parseSpriteEvent({ Response: { MediaInfoSet: [mediaInfo], NotExistFileIdSet: [], RequestId: 'r' } });
    expect(all.map((r) => [r.fileId, r.definition, r.width, r.height, r.totalCount])).to.deep.equal([
      ['m-1', 10, 142, 80, 5],
      ['m-1', 20, 142, 80, 5],
    ]);
    expect(parseSpriteEvent(mediaInfo, { definition: 20 })[0]!.vttUrl).to.equal('https://cdn.example/b/imageSprite_20.vtt');
    expect(parseSpriteEvent(mediaInfo.ImageSpriteInfo)).to.have.length(2);
    expect(parseSpriteEvent(item(10, 'a'))).to.deep.equal([
      {
        definition: 10,
        width: 142,
        height: 80,
        totalCount: 5,
        vttUrl: 'https://cdn.example/a/imageSprite_10.vtt',
        imageUrls: ['https://cdn.example/a/imageSprite_10_0.jpg'],
      },
    ]);
  });

  const procedure = (results: unknown[], extra: Record<string, unknown> = {}) => ({
    EventType: 'ProcedureStateChanged',
    ProcedureStateChangeEvent: { TaskId: 'p-1', Status: 'FINISH', ErrCode: 0, Message: '', FileId: 'f-p', MediaProcessResultSet: results, ...extra },
    CreateImageSpriteCompleteEvent: null,
  });
  const spriteResult = (task: Record<string, unknown>) => ({ Type: 'ImageSprites', TranscodeTask: null, ImageSpriteTask: task });

  it('ProcedureStateChanged with an ImageSprites result (Definition from Input when Output lacks it)', () => {
    const output = { ...item(10, 'p') } as Record<string, unknown>;
    delete output.Definition;
    const payload = procedure([
      { Type: 'Transcode', TranscodeTask: { Status: 'SUCCESS' }, ImageSpriteTask: null },
      spriteResult({ Status: 'SUCCESS', ErrCode: 0, Message: 'SUCCESS', Input: { Definition: 10 }, Output: output }),
    ]);
    expect(parseSpriteEvent(payload)).to.deep.equal([
      {
        fileId: 'f-p',
        taskId: 'p-1',
        definition: 10,
        width: 142,
        height: 80,
        totalCount: 5,
        vttUrl: 'https://cdn.example/p/imageSprite_10.vtt',
        imageUrls: ['https://cdn.example/p/imageSprite_10_0.jpg'],
      },
    ]);
    // The bare ProcedureStateChangeEvent too.
    expect(parseSpriteEvent(payload.ProcedureStateChangeEvent)).to.have.length(1);
  });
});

describe('parseSpriteEvent: errors', () => {
  describe('bad-json', () => {
    it('gives line and column of the error', () => {
      const error = expectError(() => parseSpriteEvent('{\n  "EventType": "CreateImageSpriteComplete",\n  "x": [1, 2,]\n}'), 'bad-json');
      expect(error.message).to.match(/^the event text is not valid JSON at line 3, column 14 \(position 59\), near /);
    });

    it('on one line, and for an unexpected token', () => {
      expectError(() => parseSpriteEvent('{"a": 1,}'), 'bad-json', 'at line 1, column 9 (position 8)');
      expectError(() => parseSpriteEvent("{'EventType': 1}"), 'bad-json', 'at line 1, column 2 (position 1)');
      expectError(() => parseSpriteEvent('{"a": tru}'), 'bad-json', 'at line 1, column 7 (position 6)');
      expectError(() => parseSpriteEvent('{"a": 1} x'), 'bad-json', 'at line 1, column 10 (position 9)');
      expectError(() => parseSpriteEvent('{"a": "b'), 'bad-json', 'at line 1, column 9 (position 8)');
    });

    it('an HTML error page instead of JSON', () => {
      expectError(() => parseSpriteEvent('<!doctype html><title>404</title>'), 'bad-json', 'line 1, column 1', '<!doctype html>');
    });

    it('empty text', () => {
      expect(errorOf(() => parseSpriteEvent('  \n')).message).to.equal('the event text is empty; pass the JSON of a Tencent VOD event.');
    });

    it('a byte order mark before the JSON is fine', () => {
      expect(parseSpriteEvent(`\uFEFF${JSON.stringify(event(task()))}`)).to.have.length(1);
    });
  });

  describe('not-sprite-event', () => {
    it('says which EventType was found', () => {
      const error = expectError(() => parseSpriteEvent(event(null, 'NewFileUpload')), 'not-sprite-event');
      expect(error.message).to.equal(
        'no CreateImageSpriteComplete event: found EventType "NewFileUpload". Pass that callback or a PullEvents answer holding one.',
      );
    });

    it('a reliable callback holding only other events lists them', () => {
      const payload = { Response: { EventSet: [event(null, 'NewFileUpload'), event(null, 'FileDeleted'), event(null, 'NewFileUpload')], RequestId: 'r' } };
      expectError(() => parseSpriteEvent(payload), 'not-sprite-event', 'found EventType "NewFileUpload", "FileDeleted".');
    });

    it('an empty EventSet', () => {
      expectError(() => parseSpriteEvent({ Response: { EventSet: [], RequestId: 'r' } }), 'not-sprite-event', 'EventSet is empty');
    });

    it('a 2.0 callback of another event', () => {
      expectError(() => parseSpriteEvent({ version: '4.0', eventType: 'NewFileUpload', data: {} }), 'not-sprite-event', '"NewFileUpload (2.0 eventType)"');
    });

    it('an object that is no Tencent payload names its fields', () => {
      expectError(() => parseSpriteEvent({ url: 'x', thumbnails: [] } as never), 'not-sprite-event', 'only the fields url, thumbnails');
    });

    it('JSON that is not an object', () => {
      expectError(() => parseSpriteEvent('[1, 2]'), 'not-sprite-event', 'got an array');
      expectError(() => parseSpriteEvent('42'), 'not-sprite-event', 'got a number');
      expectError(() => parseSpriteEvent('null'), 'not-sprite-event', 'got null');
      expectError(() => parseSpriteEvent(undefined as never), 'not-sprite-event', 'got undefined');
    });
  });

  describe('task-failed', () => {
    it('3.0: says ErrCode and Message', () => {
      expectError(
        () => parseSpriteEvent(event(task({ ErrCode: 40000, Message: 'InvalidParameter', ImageSpriteUrlSet: [], WebVttUrl: '' }))),
        'task-failed',
        'ErrCode 40000, Message "InvalidParameter"',
        'TaskId CreateImageSprite-1, FileId file-a, Definition 10',
      );
    });

    it('2.0: says status and message', () => {
      const legacy = { version: '4.0', eventType: 'CreateImageSpriteComplete', data: { status: 1, message: 'source error', fileId: 'f', definition: 10 } };
      expectError(() => parseSpriteEvent(legacy), 'task-failed', 'status 1, message "source error"', 'FileId f');
    });

    it('a procedure’s sprite task with Status FAIL', () => {
      const payload = {
        EventType: 'ProcedureStateChanged',
        ProcedureStateChangeEvent: {
          TaskId: 'p',
          Status: 'FINISH',
          ErrCode: 0,
          FileId: 'f',
          MediaProcessResultSet: [{ Type: 'ImageSprites', ImageSpriteTask: { Status: 'FAIL', ErrCode: 30010, Message: 'no source', Input: { Definition: 10 }, Output: null } }],
        },
      };
      expectError(() => parseSpriteEvent(payload), 'task-failed', 'Status FAIL, ErrCode 30010, Message "no source"', 'Definition 10');
    });

    it('a Tencent API error answer', () => {
      const payload = { Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'signature expired' }, RequestId: 'r-9' } };
      expectError(() => parseSpriteEvent(payload as never), 'task-failed', 'Code "AuthFailure.SignatureExpire", Message "signature expired" (RequestId r-9)');
    });
  });

  describe('no-sprite-data', () => {
    it('an empty WebVttUrl', () => {
      expectError(() => parseSpriteEvent(event(task({ WebVttUrl: '' }))), 'no-sprite-data', 'CreateImageSpriteCompleteEvent.WebVttUrl is ""');
    });

    it('an empty image set', () => {
      expectError(() => parseSpriteEvent(task({ ImageSpriteUrlSet: [] })), 'no-sprite-data', 'ImageSpriteUrlSet is []');
    });

    it('a sprite event without its task object', () => {
      expectError(() => parseSpriteEvent(event(null)), 'no-sprite-data', 'CreateImageSpriteCompleteEvent is null');
    });

    it('media info without sprites', () => {
      expectError(() => parseSpriteEvent({ Response: { MediaInfoSet: [{ FileId: 'm', ImageSpriteInfo: null }], RequestId: 'r' } }), 'no-sprite-data', 'MediaInfoSet[0].ImageSpriteInfo is null (FileId m)', 'run a sprite task');
    });

    it('a task flow without a sprite task', () => {
      const payload = {
        EventType: 'ProcedureStateChanged',
        ProcedureStateChangeEvent: { TaskId: 'p', Status: 'FINISH', ErrCode: 0, FileId: 'f', MediaProcessResultSet: [{ Type: 'Transcode', ImageSpriteTask: null }] },
      };
      expectError(() => parseSpriteEvent(payload), 'no-sprite-data', 'ran no ImageSprites task (results: Transcode)');
    });

    it('a sprite task still processing', () => {
      const payload = {
        EventType: 'ProcedureStateChanged',
        ProcedureStateChangeEvent: { TaskId: 'p', Status: 'PROCESSING', ErrCode: 0, FileId: 'f', MediaProcessResultSet: [{ Type: 'ImageSprites', ImageSpriteTask: { Status: 'PROCESSING', ErrCode: 0, Input: { Definition: 10 } } }] },
      };
      expectError(() => parseSpriteEvent(payload), 'no-sprite-data', 'ImageSpriteTask.Status is "PROCESSING"', 'wait for a SUCCESS event');
    });
  });

  describe('bad-url', () => {
    it('only http: and https:, naming the field and what it held', () => {
      expect(
        errorOf(() => parseSpriteEvent(event(task({ ImageSpriteUrlSet: ['https://cdn.example/0.jpg', 'javascript:alert(1)'] })))).message,
      ).to.equal('CreateImageSpriteCompleteEvent.ImageSpriteUrlSet[1] is "javascript:alert(1)": only http: and https: URLs are accepted, not javascript:.');
      expectError(() => parseSpriteEvent(task({ WebVttUrl: 'data:text/vtt,WEBVTT' })), 'bad-url', 'WebVttUrl is "data:text/vtt,WEBVTT"', 'not data:');
      expectError(() => parseSpriteEvent(task({ WebVttUrl: 'ftp://cdn.example/a.vtt' })), 'bad-url', 'not ftp:');
    });

    it('the field path inside a reliable callback', () => {
      const payload = { Response: { EventSet: [event(null, 'NewFileUpload'), event(task({ WebVttUrl: 'file:///etc/passwd' }))], RequestId: 'r' } };
      expectError(() => parseSpriteEvent(payload), 'bad-url', 'Response.EventSet[1].CreateImageSpriteCompleteEvent.WebVttUrl is "file:///etc/passwd"');
    });

    it('a relative URL without baseUrl says to pass baseUrl', () => {
      expectError(
        () => parseSpriteEvent(task({ WebVttUrl: '../media/a.vtt' })),
        'bad-url',
        'WebVttUrl is "../media/a.vtt": relative or malformed; pass baseUrl',
      );
    });

    it('relative URLs resolve against baseUrl; absolute ones ignore it', () => {
      const [info] = parseSpriteEvent(task({ WebVttUrl: 'sprites/a.vtt', ImageSpriteUrlSet: ['//img.example/x/0.jpg', 'https://abs.example/1.jpg'] }), {
        baseUrl: 'https://site.example/events/e.json',
      });
      expect(info!.vttUrl).to.equal('https://site.example/events/sprites/a.vtt');
      expect(info!.imageUrls).to.deep.equal(['https://img.example/x/0.jpg', 'https://abs.example/1.jpg']);
    });

    it('a bad baseUrl', () => {
      expectError(() => parseSpriteEvent(task(), { baseUrl: 'events/e.json' }), 'bad-url', 'options.baseUrl is "events/e.json"');
    });

    it('a URL that is not a string', () => {
      expectError(() => parseSpriteEvent(task({ ImageSpriteUrlSet: [42] })), 'bad-url', 'ImageSpriteUrlSet[0] is 42: not a URL');
    });

    it('when every result fails, the first failure is thrown', () => {
      const payload = { Response: { EventSet: [event(task({ WebVttUrl: 'javascript:x' })), event(task({ ErrCode: 1, Message: 'm' }))], RequestId: 'r' } };
      expectError(() => parseSpriteEvent(payload), 'bad-url', 'EventSet[0]');
    });
  });

  it('errors are Error instances with a code and the SpriteEventError name', () => {
    const error = new SpriteEventError('bad-url', 'm');
    expect(error).to.be.instanceOf(Error);
    expect([error.name, error.code, error.message]).to.deep.equal(['SpriteEventError', 'bad-url', 'm']);
  });
});

const FIXTURES = new URL('/test/fixtures/tencent/', location.href).href;
const PLAY = 'http://1500012345.vod2.myqcloud.com/6c9a5d2bvodcq1500012345/3f1d7c4e5285890784246869380/imageSprite/';

describe('parseSpriteEvent: shape 7, the playback-info answer (player signature v4)', () => {
  const expected: SpriteInfo = { vttUrl: `${PLAY}imageSprite_10.vtt`, imageUrls: [`${PLAY}imageSprite_10_0.jpg`, `${PLAY}imageSprite_10_1.jpg`] };

  it('the whole answer, its JSON text and the media object alone give its sprite set', async () => {
    const body = await text(`${FIXTURES}playback-info-v4.json`);
    const answer = JSON.parse(body) as { media: Record<string, unknown> };
    expect(parseSpriteEvent(body)).to.deep.equal([expected]);
    expect(parseSpriteEvent(answer)).to.deep.equal([expected]);
    expect(parseSpriteEvent(answer.media)).to.deep.equal([expected]);
  });

  it('the v2 answer’s imageSpriteInfo.imageSpriteList items, with their sizes', () => {
    const item = { definition: 10, width: 142, height: 80, totalCount: 4, webVttUrl: expected.vttUrl, imageUrls: expected.imageUrls };
    expect(parseSpriteEvent({ imageSpriteInfo: { imageSpriteList: [item] } })).to.deep.equal([{ ...expected, definition: 10, width: 142, height: 80, totalCount: 4 }]);
  });

  it('an error answer (code ≠ 0) is task-failed; no imageSpriteInfo is no-sprite-data', () => {
    expectError(() => parseSpriteEvent({ code: 4110, message: 'psign invalid', version: 4 }), 'task-failed', 'code 4110', 'psign invalid');
    expectError(() => parseSpriteEvent({ code: 0, version: 4, media: { basicInfo: { name: 'a' }, imageSpriteInfo: null } }), 'no-sprite-data', 'media.imageSpriteInfo is null', 'run a sprite task');
    expectError(() => parseSpriteEvent({ code: 0, version: 4, media: null }), 'no-sprite-data', 'media is null');
  });

  it('its URLs are checked like every other shape’s', () => {
    expectError(() => parseSpriteEvent({ media: { imageSpriteInfo: { webVttUrl: 'javascript:alert(1)', imageUrls: expected.imageUrls } } }), 'bad-url', 'media.imageSpriteInfo.webVttUrl');
  });
});

describe('parseSpriteEvent: hostile input (issue 12)', () => {
  /** The typed error `run` throws, never a RangeError or TypeError. */
  const typed = (run: () => unknown, code: SpriteEventErrorCode = 'not-sprite-event') => expectError(run, code);

  it('a 5 MB string in a payload: the message quotes at most ~120 characters of it', () => {
    const huge = `https://cdn.example/${'x'.repeat(5 * 1024 * 1024)}`;
    for (const payload of [task({ WebVttUrl: `javascript:${huge}` }), task({ ErrCode: 1, Message: huge }), { EventType: huge }, { [huge]: 1 }]) {
      const error = errorOf(() => parseSpriteEvent(payload));
      expect(error.message.length, error.code).to.be.below(600);
    }
    const error = errorOf(() => parseSpriteEvent(task({ ErrCode: 1, Message: huge })));
    expect(error.message).to.include(`${huge.slice(0, 100)}`).and.include('characters)');
  });

  it('Response nested 10,000 levels (object and JSON text): a typed error, not a stack overflow', () => {
    let nested: Record<string, unknown> = task();
    for (let i = 0; i < 10000; i++) nested = { Response: nested };
    expect(typed(() => parseSpriteEvent(nested)).message).to.include('nested more than');
    typed(() => parseSpriteEvent(JSON.stringify(nested)));
    // One Response, as Tencent sends, still works.
    expect(parseSpriteEvent({ Response: task() })).to.have.length(1);
  });

  it('BigInt, Symbol, a circular object, a throwing getter, a Proxy: typed errors', () => {
    const circular: Record<string, unknown> = {};
    circular.Response = circular;
    const getter = Object.defineProperty({}, 'EventType', {
      get() {
        throw new TypeError('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
      },
    );
    const cases: unknown[] = [
      task({ ErrCode: 10n }),
      task({ WebVttUrl: 10n }),
      { EventType: Symbol('x') },
      task({ ErrCode: Symbol('e') }),
      circular,
      getter,
      proxy,
      task({ ImageSpriteUrlSet: new Proxy([], { get: () => { throw new Error('trap'); } }) }),
    ];
    for (const payload of cases) {
      const error = errorOf(() => parseSpriteEvent(payload as never));
      expect(error.code).to.be.oneOf(['not-sprite-event', 'task-failed', 'bad-url', 'no-sprite-data']);
    }
    expect(errorOf(() => parseSpriteEvent(getter as never)).message).to.include('TypeError: boom');
    expect(errorOf(() => parseSpriteEvent({ fileId: 1 } as never, { fileId: Symbol('f') as never })).code).to.equal('not-sprite-event');
  });

  it('thousands of other event types: the message names a few and counts the rest', () => {
    const payload = { Response: { EventSet: Array.from({ length: 5000 }, (_, i) => ({ EventType: `Type${i}` })), RequestId: 'r' } };
    const error = expectError(() => parseSpriteEvent(payload), 'not-sprite-event', '"Type0"', 'and 4995 more');
    expect(error.message.length).to.be.below(400);
  });
});
