/**
 * Plain words for a failure: a headline and advice that match what went wrong. A fetch that
 * fails outright looks the same to a page whether the host does not exist, refused the
 * connection or answered without CORS headers, so the page asks once more in `no-cors` mode:
 * an answer there means the host is up and only the CORS header is missing.
 */
import type { ThumbnailsErrorDetail } from 'vod-sprite-thumbnails';

type Stage = ThumbnailsErrorDetail['stage'];
/** Errors carry a `code` (VTT errors a `line`, load errors a `url` and `status`) beside the message. */
export type DetailedError = Error & { code?: string; line?: number; url?: string; status?: number };

const headlines: Record<string, string> = {
  'bad-json': 'That is not valid JSON.',
  'not-sprite-event': 'This is not an image-sprite event.',
  'task-failed': 'Tencent reports that the sprite task failed.',
  'no-sprite-data': 'The payload holds no sprite sheets or VTT.',
  'bad-url': 'A URL in the payload cannot be loaded.',
  'bad-marks': 'The key-frame marks in the payload cannot be used.',
  'not-webvtt': 'The VTT file is not WebVTT.',
  'no-cues': 'The VTT file has no thumbnail cues.',
  'bad-fragment': 'A cue in the VTT has a tile the package cannot draw.',
};
const stageHeadlines: Record<Stage, string> = {
  payload: 'The payload could not be used.',
  vtt: 'The thumbnail VTT could not be loaded.',
  image: 'A sprite sheet could not be loaded.',
  chapters: 'The chapters file could not be loaded.',
};
const advice: Record<string, string> = {
  'bad-json': 'Check that the whole callback body was pasted; the position above points at the first problem.',
  'not-sprite-event': 'Paste a CreateImageSpriteComplete callback, a DescribeMediaInfos answer or a ProcedureStateChanged event.',
  'task-failed': 'Tencent could not cut this video into sprites; run the task again once the cause is fixed.',
  'no-sprite-data': 'The shape is right but there is nothing to show: no ImageSpriteUrlSet or WebVttUrl.',
  'bad-url': 'Only http: and https: URLs are ever loaded.',
  timeout: 'The server took too long to answer. Try again, or check that the host is not overloaded.',
  'image-failed': 'The browser could not load or decode this image: check that the URL opens in a new tab and is a JPEG or PNG.',
};
const gridHint = ' Or tick Grid fallback to draw the tiles from the sheets alone (the plugin’s grid option).';

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : 'the server';
  } catch {
    return 'the server';
  }
}

/** Does the host answer at all? (`no-cors`: the answer is opaque, but it arrives.) */
async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

function statusAdvice(status: number | undefined, url: string | undefined): string {
  const where = url ? `${hostOf(url)} answered HTTP ${status}` : `The server answered HTTP ${status}`;
  if (status === 404) return `${where}: there is no file at that address. Check the URL, and that Tencent's task has finished writing it.`;
  if (status === 401 || status === 403) return `${where}: access refused. Signed (hot-link protected) URLs expire; fetch a fresh payload, or check the referer rules of the CDN.`;
  if (status !== undefined && status >= 500) return `${where}: the server failed. Try again later.`;
  return `${where}, not the file. Check the URL.`;
}

export interface Explanation {
  headline: string;
  advice: string;
}

export async function explain(error: DetailedError, stage: Stage): Promise<Explanation> {
  const code = error.code ?? error.name;
  const headline = headlines[code] ?? stageHeadlines[stage];
  const canGrid = stage === 'vtt' ? gridHint : '';
  if (code === 'http-status') return { headline, advice: statusAdvice(error.status, error.url) + canGrid };
  if (code === 'fetch-failed') {
    const host = hostOf(error.url);
    if (error.url && (await reachable(error.url))) {
      return {
        headline,
        advice: `${host} answers, but without an Access-Control-Allow-Origin header, so the browser keeps the file from this page (CORS). Ask for that header on the CDN (Tencent's console: domain settings, HTTP headers).${canGrid}`,
      };
    }
    return {
      headline,
      advice: `Could not connect to ${host}: the name does not resolve, the server is down, or a firewall is in the way. Check the address in the payload.`,
    };
  }
  return { headline, advice: advice[code] ?? (stage === 'image' ? 'Check that the sprite sheet URLs open from this page.' : '') };
}
