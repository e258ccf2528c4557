// Seeded generators for the element fuzz pass (test/fuzz-element.test.ts): payloads of every
// accepted shape, mutated with hostile values, and mutated thumbnail VTTs. Every hostile string
// carries MARKER so the test can tell whether input leaked into markup or styles.

export const MARKER = 'qzInjMark';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Text meant to become markup, CSS or a script URL if anything concatenates it. */
export const HOSTILE_TEXT = [
  `<img src=x onerror="window.${MARKER}=1">`,
  `"><svg onload=${MARKER}>`,
  `'><b class=${MARKER}>`,
  `</style><style>*{outline:url(https://127.0.0.1:1/${MARKER})}</style>`,
  `red;background-image:url("javascript:${MARKER}")`,
  `0;--x:${MARKER});}*{color:red`,
  `expression(${MARKER})`,
  `\${${MARKER}}{{${MARKER}}}`,
  `${MARKER}\u0000\u2028\u202e\ufeff`,
  `<!--${MARKER}--><script>${MARKER}</script>`,
];

/** URLs that must never load (only http: and https: do), and odd spellings of them. */
export const HOSTILE_URLS = [
  `javascript:alert('${MARKER}')`,
  ` JaVaScRiPt:${MARKER}`,
  `java\tscript:${MARKER}`,
  `data:image/svg+xml,<svg onload=${MARKER}>`,
  `data:text/html,<script>${MARKER}</script>`,
  `vbscript:${MARKER}`,
  `blob:${location.origin}/${MARKER}`,
  `file:///etc/${MARKER}`,
  `about:blank#${MARKER}`,
  `ftp://127.0.0.1:1/${MARKER}.jpg`,
  `http://127.0.0.1:1/${MARKER}.jpg`,
  `//127.0.0.1:1/${MARKER}.vtt`,
  `https://[::1/${MARKER}`,
  `${MARKER}.jpg#xywh=0,0,1,1`,
];

/** JavaScript values JSON cannot carry, for the property path. */
export function hostileValue(random: Random): unknown {
  const circular: Record<string, unknown> = { name: MARKER };
  circular.self = circular;
  const values: Array<() => unknown> = [
    () => BigInt(42),
    () => Symbol(MARKER),
    () => circular,
    () => Object.defineProperty({}, 'WebVttUrl', { enumerable: true, get: () => { throw new Error(MARKER); } }),
    () => new Proxy({}, { get: () => { throw new Error(MARKER); }, ownKeys: () => { throw new Error(MARKER); } }),
    () => () => MARKER,
    () => new Date(Number.NaN),
    () => new Map([[MARKER, MARKER]]),
    () => ({ toJSON: () => { throw new Error(MARKER); } }),
    () => Object.create(null),
    () => ({ length: 1e9 }),
    () => [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -0],
  ];
  return random.pick(values)();
}

export function hostileScalar(random: Random): unknown {
  const scalars: Array<() => unknown> = [
    () => random.pick(HOSTILE_TEXT),
    () => random.pick(HOSTILE_URLS),
    () => random.pick([null, true, 0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '', '0', [], {}]),
    () => `${MARKER}${'x'.repeat(random.pick([1e3, 1e5, 1e6]))}`,
  ];
  return random.pick(scalars)();
}

export function deepNest(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = i % 2 ? { Response: value } : [value];
  return value;
}

export interface Urls {
  vtt: string;
  sheets: string[];
}

/** The seven payload shapes of CONTRACT.md, for these URLs. */
export function payloadShapes(urls: Urls): Array<() => Record<string, unknown>> {
  const task = () => ({ ErrCode: 0, Message: '', TaskId: 't', FileId: 'f1', Definition: 10, TotalCount: 225, ImageSpriteUrlSet: [...urls.sheets], WebVttUrl: urls.vtt });
  const item = () => ({ Definition: 10, Width: 142, Height: 80, TotalCount: 225, ImageUrlSet: [...urls.sheets], WebVttUrl: urls.vtt });
  const marks = () => ({ KeyFrameDescSet: [{ TimeOffset: 12, Content: 'Opening' }, { TimeOffset: 60, Content: 'Middle' }] });
  return [
    () => ({ EventType: 'CreateImageSpriteComplete', FileUploadEvent: null, CreateImageSpriteCompleteEvent: task() }),
    () => ({ Response: { EventSet: [{ EventHandle: 'h', EventType: 'CreateImageSpriteComplete', CreateImageSpriteCompleteEvent: task() }], RequestId: 'r' } }),
    task,
    () => ({ version: '4.0', eventType: 'CreateImageSpriteComplete', data: { status: 0, message: '', vodTaskId: 't', fileId: 'f1', definition: 10, totalCount: 225, imageSpriteUrl: [...urls.sheets], webVttUrl: urls.vtt } }),
    () => ({ MediaInfoSet: [{ FileId: 'f1', ImageSpriteInfo: { ImageSpriteSet: [item()] }, KeyFrameDescInfo: marks() }], RequestId: 'r' }),
    () => ({
      EventType: 'ProcedureStateChanged',
      ProcedureStateChangeEvent: { FileId: 'f1', MediaProcessResultSet: [{ Type: 'ImageSprites', ImageSpriteTask: { Status: 'SUCCESS', ErrCode: 0, Message: '', Input: { Definition: 10 }, Output: item() } }] },
    }),
    () => ({ media: { imageSpriteInfo: { webVttUrl: urls.vtt, imageUrls: [...urls.sheets] }, keyFrameDescInfo: { keyFrameDescList: [{ timeOffset: 30, content: 'Scene' }] } } }),
  ];
}

/** Every [container, key] pair in the JSON-like part of a tree (plain objects and arrays, 40 levels). */
function slots(root: unknown): Array<[Record<string | number, unknown>, string | number]> {
  const found: Array<[Record<string | number, unknown>, string | number]> = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number) => {
    if (node === null || typeof node !== 'object' || seen.has(node) || depth > 40) return;
    seen.add(node);
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) return;
    let keys: string[];
    try {
      keys = Object.keys(node); // a hostile Proxy throws here
    } catch {
      return;
    }
    for (const key of keys) {
      found.push([node as Record<string, unknown>, key]);
      const descriptor = Object.getOwnPropertyDescriptor(node, key);
      if (descriptor && 'value' in descriptor) walk(descriptor.value, depth + 1);
    }
  };
  walk(root, 0);
  return found;
}

/** A payload: one shape, then a few mutations (hostile values anywhere, deletions, nesting). */
export function mutatedPayload(random: Random, urls: Urls, allowJsValues: boolean): unknown {
  let payload: unknown = random.pick(payloadShapes(urls))();
  const mutations = random.int(4);
  for (let m = 0; m < mutations; m++) {
    const all = slots(payload);
    const [container, key]: [Record<string | number, unknown>, string | number] = all.length ? random.pick(all) : [{}, ''];
    const roll = random.int(10);
    if (roll < 4) container[key] = hostileScalar(random);
    else if (roll < 5) delete container[key];
    else if (roll < 6) container[key] = deepNest(random.pick([5, 100, 20000]), container[key]);
    else if (roll < 7 && allowJsValues) container[key] = hostileValue(random);
    else if (roll < 8) container[random.pick(['__proto__', 'constructor', 'prototype'])] = { polluted: MARKER, WebVttUrl: MARKER };
    else if (roll < 9 && Array.isArray(container[key])) (container[key] as unknown[]).push(...Array.from({ length: random.pick([2, 50, 5000]) }, () => random.pick(HOSTILE_URLS)));
    else container[key] = random.pick(HOSTILE_TEXT);
  }
  if (allowJsValues && random.chance(0.05)) payload = hostileValue(random);
  return payload;
}

/** JSON text of a payload, sometimes broken: truncated, spliced with junk, or a prototype key. */
export function mutatedJsonText(random: Random, payload: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(payload) ?? 'null';
  } catch {
    text = '{}';
  }
  const roll = random.int(8);
  if (roll === 0) return text.slice(0, random.int(text.length));
  if (roll === 1) {
    const at = random.int(text.length);
    return text.slice(0, at) + random.pick(HOSTILE_TEXT) + text.slice(at);
  }
  if (roll === 2) return `{"__proto__":{"polluted":"${MARKER}"},"constructor":{"prototype":{"polluted":"${MARKER}"}},${text.slice(1)}`;
  if (roll === 3) return `${'['.repeat(50000)}${']'.repeat(50000)}`;
  return text;
}

/** A thumbnail VTT (from `base`), mutated line by line and cue by cue. */
export function mutatedVtt(random: Random, base: string): string {
  let lines = base.split('\n').slice(0, 2 + 3 * (5 + random.int(60)));
  const mutations = 1 + random.int(5);
  const cueLines = () => lines.map((line, i) => [line, i] as const).filter(([line]) => line.includes('#xywh='));
  for (let m = 0; m < mutations; m++) {
    const roll = random.int(12);
    const cues = cueLines();
    const at = cues.length ? random.pick(cues)[1] : 0;
    if (roll === 0) lines[at] = `${random.pick(HOSTILE_URLS)}#xywh=0,0,142,80`;
    else if (roll === 1) lines[at] = `imageSprite_10_0.jpg${random.pick(HOSTILE_TEXT)}#xywh=0,0,142,80`;
    else if (roll === 2) lines[at] = `imageSprite_10_0.jpg#xywh=${random.pick(['-1,-1,142,80', '0,0,999999999,999999999', 'NaN,0,1,1', '1e400,0,1,1', '0,0,0,0', 'pixel:0,0,142,80', 'percent:0,0,50,50', `0,0,142,80${MARKER}`, '0,0,142'])}`;
    else if (roll === 3 && at > 0) lines[at - 1] = random.pick([`${'9'.repeat(400)}:00:00.000 --> ${'9'.repeat(400)}:00:01.000`, '00:00:05.000 --> 00:00:01.000', '-00:00:01.000 --> 00:00:02.000', '99:99:99.999 --> 100:00:00.000', '00:00.000 --> 00:01.000', `00:00:00.000 --> ${MARKER}`, '00:00:00.000-->00:00:00.800']);
    else if (roll === 4) lines.splice(random.int(lines.length), 1);
    else if (roll === 5) lines.splice(random.int(lines.length), 0, random.pick(['', '-->', 'NOTE x', `STYLE\n::cue { background: url(${MARKER}) }`, lines[random.int(lines.length)] ?? '']));
    else if (roll === 6) lines[0] = random.pick(['\ufeffWEBVTT', 'WEBVTT - x', 'WEBVTTX', `<html>${MARKER}`, '', 'WEBVTT\u0000']);
    else if (roll === 7) lines.splice(random.int(lines.length), 0, `${MARKER}${'y'.repeat(100000)}`);
    else if (roll === 8) lines = lines.map((line) => (random.chance(0.1) ? line.replace(/\d/, () => String(random.int(10))) : line));
    else if (roll === 9) return lines.join(random.pick(['\r\n', '\r']));
    else if (roll === 10) lines.push(...lines.slice(2, 2 + random.int(30)));
    else if (at > 0) lines[at] = `${random.pick(['http://127.0.0.1:1/', 'https://127.0.0.1:1/', './', '../', '/'])}imageSprite_10_${random.int(4)}.jpg#xywh=0,0,142,80`;
  }
  return lines.join('\n');
}
