/**
 * Section 3: paste a payload, Apply, see the thumbnails or a plain-words error.
 * Everything that comes from the user or a payload reaches the page through textContent,
 * DOM properties and http(s)-checked URLs only.
 */
import videojs from 'video.js';
import { parseSpriteEvent, type ThumbnailsErrorDetail, type ThumbnailsReadyDetail } from 'vod-sprite-thumbnails';
import { type DetailedError, explain } from './error-advice.js';
import { fetchText, otherOrigin, samples } from './samples.js';

type ReadyDetail = ThumbnailsReadyDetail;
type ErrorDetail = ThumbnailsErrorDetail;

/** The demo's sheets: template 10's layout (10 × 10 tiles of 142 × 80), one tile every 0.8 s. */
const grid = { columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 };

const sampleVideo = new URL('media/sample.mp4', document.baseURI).href;

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
  /**
   * Set on Apply, cleared by Clear. While set, the result box follows every later event: a
   * ready payload whose sheets then fail turns from "ready" to the sheet's error.
   */
  let active = false;
  /** Bumped per event, so a slow explanation never overwrites a newer result. */
  let latest = 0;

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

  const showError = async (error: DetailedError, stage: ErrorDetail['stage']) => {
    const ticket = ++latest;
    const code = error.code ?? error.name;
    const words = await explain(error, stage);
    if (ticket !== latest) return;
    const body = [el('strong', 'headline', words.headline), el('p', 'message', error.message), el('p', 'advice', words.advice)];
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
    if (!active) return;
    latest++;
    const detail = (event as CustomEvent<ReadyDetail>).detail;
    showParsed(detail);
    setResult('ok', [
      el('strong', 'headline', 'Thumbnails ready.'),
      el('p', 'message', `${detail.cues.length} cues over ${detail.sheets.length} sprite sheets — hover the progress bar of the player.`),
      ...(gridInput.checked ? [el('p', 'advice', 'Grid fallback on: used only if the VTT could not be fetched.')] : []),
    ]);
  });
  player.el().addEventListener('vod-thumbnails-error', (event) => {
    if (!active) return;
    const { error, stage } = (event as CustomEvent<ErrorDetail>).detail;
    // A sheet or chapters failure leaves what was parsed true; anything else replaces it.
    if (stage !== 'image' && stage !== 'chapters') parsed.hidden = true;
    void showError(error, stage);
  });

  const apply = () => {
    const text = input.value.trim();
    parsed.hidden = true;
    if (!text) {
      active = false;
      latest++;
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
    active = true;
    latest++;
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
    active = false;
    latest++;
    thumbnails.clear();
    parsed.hidden = true;
    result.hidden = true;
  });

  for (const sample of samples) {
    if (sample.crossOrigin && !otherOrigin()) continue;
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
