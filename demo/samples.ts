/**
 * The Try-your-own-payload section's samples: one file per payload shape under payloads/, and
 * failures built from the normal callback (a missing file, a host that refuses connections, a
 * host without CORS headers).
 */
export interface Sample {
  label: string;
  /** File under payloads/, or a builder for samples that depend on the page's address. */
  file?: string;
  build?: () => Promise<string>;
  failing?: boolean;
  /** Needs the page's files under a second host name (a cross-origin host without CORS). */
  crossOrigin?: boolean;
  title: string;
}

export const payloadsUrl = new URL('payloads/', document.baseURI);

/** The same page's files under another host name: another origin, which sends no CORS headers. */
export function otherOrigin(): string | undefined {
  const swap: Record<string, string> = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' };
  const host = swap[location.hostname];
  if (!host) return undefined;
  const url = new URL(document.baseURI);
  url.hostname = host;
  return url.href;
}

export const samples: Sample[] = [
  { label: 'Normal callback', file: 'normal.json', title: 'Callback 3.0, normal: CreateImageSpriteComplete' },
  { label: 'Reliable callback', file: 'reliable.json', title: 'Callback 3.0, reliable: a PullEvents answer with signed URLs' },
  { label: 'Task object', file: 'task.json', title: 'The bare CreateImageSpriteTask2017 object' },
  { label: 'Legacy 2.0', file: 'legacy-2.0.json', title: 'Callback 2.0 (legacy, camelCase)' },
  { label: 'Media info', file: 'media-info.json', title: 'DescribeMediaInfos answer' },
  { label: 'Two definitions', file: 'media-info-definitions.json', title: 'DescribeMediaInfos with two sprite sets: 142×80 and 284×160 tiles' },
  { label: 'Marks', file: 'media-info-marks.json', title: 'DescribeMediaInfos with both sprite sets and key-frame marks (KeyFrameDescInfo)' },
  { label: 'Procedure', file: 'procedure.json', title: 'ProcedureStateChanged event with an ImageSprites result' },
  { label: 'Failed task', file: 'failed.json', failing: true, title: 'A sprite task Tencent reports as failed' },
  { label: 'Other event', file: 'wrong-event.json', failing: true, title: 'A NewFileUpload event, not a sprite event' },
  { label: 'Bad JSON', file: 'bad-json.txt', failing: true, title: 'JSON with a missing comma' },
  {
    label: 'VTT not found',
    failing: true,
    title: 'The VTT URL points at a file the server does not have (HTTP 404)',
    build: async () => withVtt(await fetchText('normal.json'), new URL('media/imageSprite_missing.vtt', document.baseURI).href),
  },
  {
    label: 'Host unreachable',
    failing: true,
    title: 'The VTT on a host that refuses the connection (port 2: nothing listens there)',
    build: async () => withVtt(await fetchText('normal.json'), 'http://127.0.0.1:2/imageSprite/imageSprite_10.vtt'),
  },
  {
    label: 'VTT without CORS',
    failing: true,
    crossOrigin: true,
    title: 'The VTT on another origin that sends no CORS headers, like many CDNs',
    build: async () => {
      const event = JSON.parse(await fetchText('normal.json'));
      const cdn = otherOrigin()!;
      const task = event.CreateImageSpriteCompleteEvent;
      task.ImageSpriteUrlSet = task.ImageSpriteUrlSet.map((_: string, i: number) => new URL(`media/imageSprite_10_${i}.jpg`, cdn).href);
      task.WebVttUrl = new URL('media/imageSprite_10.vtt', cdn).href;
      return JSON.stringify(event, null, 2);
    },
  },
];

/** The normal callback with another WebVttUrl (its sheets stay on this page's host). */
function withVtt(normal: string, vttUrl: string): string {
  const event = JSON.parse(normal);
  const task = event.CreateImageSpriteCompleteEvent;
  task.ImageSpriteUrlSet = task.ImageSpriteUrlSet.map((url: string) => new URL(url, payloadsUrl).href);
  task.WebVttUrl = vttUrl;
  return JSON.stringify(event, null, 2);
}

export async function fetchText(file: string): Promise<string> {
  const response = await fetch(new URL(file, payloadsUrl));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.text();
}
