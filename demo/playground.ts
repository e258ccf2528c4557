/**
 * Section 3: paste a payload, Apply, see the thumbnails or a plain-words error.
 * Everything that comes from the user or a payload reaches the page through textContent,
 * DOM properties and http(s)-checked URLs only.
 */
import videojs from 'video.js';
import { parseSpriteEvent, type ThumbnailsErrorDetail, type ThumbnailsReadyDetail } from '../src/index.js';

interface Sample {
  label: string;
  /** File under payloads/, or a builder for samples that depend on the page's address. */
  file?: string;
  build?: () => Promise<string>;
  failing?: boolean;
  title: string;
}

type ReadyDetail = ThumbnailsReadyDetail;
type ErrorDetail = ThumbnailsErrorDetail;
/** Errors carry a `code` (and VTT errors a `line`) beside the message. */
type DetailedError = Error & { code?: string; line?: number };

/** Tencent's template 10 layout, which the demo's sheets follow. */
const grid = { columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 };

const payloadsUrl = new URL('payloads/', document.baseURI);
const sampleVideo = new URL('media/sample.mp4', document.baseURI).href;

/** The same page's files under another host name: another origin, which sends no CORS headers. */
function otherOrigin(): string | undefined {
  const swap: Record<string, string> = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' };
  const host = swap[location.hostname];
  if (!host) return undefined;
  const url = new URL(document.baseURI);
  url.hostname = host;
  return url.href;
}

const samples: Sample[] = [
  { label: 'Normal callback', file: 'normal.json', title: 'Callback 3.0, normal: CreateImageSpriteComplete' },
  { label: 'Reliable callback', file: 'reliable.json', title: 'Callback 3.0, reliable: a PullEvents answer with signed URLs' },
  { label: 'Task object', file: 'task.json', title: 'The bare CreateImageSpriteTask2017 object' },
  { label: 'Legacy 2.0', file: 'legacy-2.0.json', title: 'Callback 2.0 (legacy, camelCase)' },
  { label: 'Media info', file: 'media-info.json', title: 'DescribeMediaInfos answer' },
  { label: 'Procedure', file: 'procedure.json', title: 'ProcedureStateChanged event with an ImageSprites result' },
  { label: 'Failed task', file: 'failed.json', failing: true, title: 'A sprite task Tencent reports as failed' },
  { label: 'Other event', file: 'wrong-event.json', failing: true, title: 'A NewFileUpload event, not a sprite event' },
  { label: 'Bad JSON', file: 'bad-json.txt', failing: true, title: 'JSON with a missing comma' },
  {
    label: 'VTT without CORS',
    failing: true,
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

async function fetchText(file: string): Promise<string> {
  const response = await fetch(new URL(file, payloadsUrl));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.text();
}

/** Plain words for each error, by code, then by stage. */
const headlines: Record<string, string> = {
  'bad-json': 'That is not valid JSON.',
  'not-sprite-event': 'This is not an image-sprite event.',
  'task-failed': 'Tencent reports that the sprite task failed.',
  'no-sprite-data': 'The payload holds no sprite sheets or VTT.',
  'bad-url': 'A URL in the payload cannot be loaded.',
  'not-webvtt': 'The VTT file is not WebVTT.',
  'no-cues': 'The VTT file has no thumbnail cues.',
  'bad-fragment': 'A cue in the VTT has a tile the package cannot draw.',
};
const stageHeadlines: Record<ErrorDetail['stage'], string> = {
  payload: 'The payload could not be used.',
  vtt: 'The thumbnail VTT could not be loaded.',
  image: 'A sprite sheet could not be loaded.',
};
const advice: Record<string, string> = {
  'bad-json': 'Check that the whole callback body was pasted; the position above points at the first problem.',
  'not-sprite-event': 'Paste a CreateImageSpriteComplete callback, a DescribeMediaInfos answer or a ProcedureStateChanged event.',
  'task-failed': 'Tencent could not cut this video into sprites; run the task again once the cause is fixed.',
  'no-sprite-data': 'The shape is right but there is nothing to show: no ImageSpriteUrlSet or WebVttUrl.',
  'bad-url': 'Only http: and https: URLs are ever loaded.',
  vtt: 'If the VTT is on another host (a CDN), that host must answer with an Access-Control-Allow-Origin header — browsers block the download otherwise. Or tick Grid fallback to draw the tiles from the sheets alone (the plugin’s grid option).',
  image: 'Check that the sprite sheet URLs are reachable from this page.',
};

function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(3))} s`;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

function isHttpUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

function guessType(url: string): string | undefined {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('.m3u8')) return 'application/x-mpegURL';
  if (path.endsWith('.mpd')) return 'application/dash+xml';
  if (path.endsWith('.webm')) return 'video/webm';
  if (path.endsWith('.mp4') || path.endsWith('.m4v')) return 'video/mp4';
  return undefined;
}

export function setUpPlayground(): void {
  const form = document.getElementById('try-form') as HTMLFormElement;
  const input = document.getElementById('payload-input') as HTMLTextAreaElement;
  const videoInput = document.getElementById('video-url') as HTMLInputElement;
  const gridInput = document.getElementById('grid-fallback') as HTMLInputElement;
  const result = document.getElementById('result')!;
  const parsed = document.getElementById('parsed')!;
  const facts = document.getElementById('parsed-facts')!;
  const gallery = document.getElementById('gallery')!;
  const buttons = document.getElementById('sample-buttons')!;

  const player = videojs('try-player');
  const thumbnails = player.vodSpriteThumbnails();
  let currentVideo = sampleVideo;
  /** Set on Apply; events that arrive when nothing is pending belong to nobody we show. */
  let pending = false;

  const setResult = (kind: 'ok' | 'error' | 'busy', nodes: (Node | string)[]) => {
    result.hidden = false;
    result.className = `result ${kind}`;
    result.replaceChildren(...nodes);
  };
  const el = (tag: string, className: string, text?: string) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const showError = (error: DetailedError, stage: ErrorDetail['stage']) => {
    const code = error.code ?? error.name;
    const body = [
      el('strong', 'headline', headlines[code] ?? stageHeadlines[stage]),
      el('p', 'message', error.message),
      el('p', 'advice', advice[code] ?? advice[stage] ?? ''),
    ];
    const meta = el('p', 'meta');
    meta.append('code ', el('code', 'code', code), ' · stage ', el('code', 'stage', stage));
    if (error.line !== undefined) meta.append(' · line ', el('code', 'line', String(error.line)));
    body.push(meta);
    setResult('error', body);
  };

  const addFact = (term: string, value: string, name: string) => {
    const dt = el('dt', '', term);
    const dd = el('dd', '', value);
    dd.dataset.fact = name;
    facts.append(dt, dd);
  };

  const showParsed = (detail: ReadyDetail) => {
    facts.replaceChildren();
    gallery.replaceChildren();
    let infos: ReturnType<typeof parseSpriteEvent> = [];
    try {
      infos = parseSpriteEvent(input.value, { baseUrl: document.baseURI });
    } catch {
      // The plugin already accepted it; facts from the payload are a bonus.
    }
    const info = infos[0];
    addFact('FileId', info?.fileId ?? '—', 'file-id');
    addFact('Definition', info?.definition !== undefined ? String(info.definition) : '—', 'definition');
    if (infos.length > 1) addFact('Results', `${infos.length} (showing the first)`, 'results');
    addFact('Cues', String(detail.cues.length), 'cues');
    addFact('Sheets', String(detail.sheets.length), 'sheets');
    const first = detail.cues[0];
    if (first?.w && first.h) addFact('Tile', `${first.w} × ${first.h} px`, 'tile');
    if (first) addFact('Interval', formatSeconds(first.end - first.start), 'interval');
    detail.sheets.forEach((url, index) => {
      if (!isHttpUrl(url)) return;
      const link = document.createElement('a');
      link.className = 'sheet';
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const img = document.createElement('img');
      img.src = url;
      img.alt = `Sprite sheet ${index + 1}`;
      img.decoding = 'async';
      link.append(img, el('span', 'sheet-name', fileName(url)));
      gallery.append(link);
    });
    parsed.hidden = false;
  };

  player.el().addEventListener('vod-thumbnails-ready', (event) => {
    if (!pending) return;
    pending = false;
    const detail = (event as CustomEvent<ReadyDetail>).detail;
    showParsed(detail);
    setResult('ok', [
      el('strong', 'headline', 'Thumbnails ready.'),
      el('p', 'message', `${detail.cues.length} cues over ${detail.sheets.length} sprite sheets — hover the progress bar of the player.`),
      ...(gridInput.checked ? [el('p', 'advice', 'Grid fallback on: used only if the VTT could not be fetched.')] : []),
    ]);
  });
  player.el().addEventListener('vod-thumbnails-error', (event) => {
    if (!pending) return;
    pending = false;
    const { error, stage } = (event as CustomEvent<ErrorDetail>).detail;
    parsed.hidden = true;
    showError(error, stage);
  });

  const apply = () => {
    const text = input.value.trim();
    parsed.hidden = true;
    if (!text) {
      thumbnails.clear();
      setResult('error', [el('strong', 'headline', 'Paste a payload or pick a sample first.')]);
      return;
    }
    let video = sampleVideo;
    const typed = videoInput.value.trim();
    if (typed) {
      const url = URL.parse(typed, document.baseURI);
      if (!url || !isHttpUrl(url.href)) {
        setResult('error', [
          el('strong', 'headline', 'The video URL is not an http(s) address.'),
          el('p', 'message', typed),
        ]);
        return;
      }
      video = url.href;
    }
    pending = true;
    setResult('busy', [el('strong', 'headline', 'Loading thumbnails…')]);
    // Calling the plugin again updates its options.
    player.vodSpriteThumbnails({ grid: gridInput.checked ? grid : null });
    if (video !== currentVideo) {
      // A source may carry its own payload; a new source without one would clear the thumbnails.
      currentVideo = video;
      player.src({ src: video, type: guessType(video), spriteEvent: text } as { src: string; type?: string });
    } else {
      thumbnails.load(text);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  document.getElementById('clear')!.addEventListener('click', () => {
    pending = false;
    thumbnails.clear();
    parsed.hidden = true;
    result.hidden = true;
  });

  for (const sample of samples) {
    if (sample.build && !otherOrigin()) continue;
    const button = el('button', sample.failing ? 'chip failing' : 'chip', sample.label) as HTMLButtonElement;
    button.type = 'button';
    button.title = sample.title;
    button.dataset.sample = sample.file ?? sample.label;
    button.addEventListener('click', async () => {
      try {
        input.value = sample.build ? await sample.build() : await fetchText(sample.file!);
      } catch (error) {
        setResult('error', [el('strong', 'headline', 'The sample could not be loaded.'), el('p', 'message', String(error))]);
        return;
      }
      for (const other of buttons.querySelectorAll('.chip')) other.classList.toggle('active', other === button);
      apply();
    });
    buttons.append(button);
  }
  input.addEventListener('input', () => {
    for (const other of buttons.querySelectorAll('.chip')) other.classList.remove('active');
  });
}
