/**
 * The text a preview can show besides the time: key-frame marks (the `marks` property, else
 * those in the payload) and chapters (a `chapters-src` WebVTT file, else the player's own
 * text track of kind `chapters`). Loaded on demand (see lazy-annotations.ts): a video with
 * neither never fetches this chunk.
 */
import { fetchText } from '../load/fetch-text.js';
import { chaptersOf, parseChapters } from '../parse/chapters.js';
import { parseKeyFrameMarks } from '../parse/marks.js';
import type { Chapter, KeyFrameMark } from '../parse/types.js';
import type { SeekLayout } from '../player/seek-input.js';
import { chaptersTrackOf, controlBarShown, durationOf, type Player } from '../player/videojs-internals.js';
import { MarksLayer } from './marks.js';

export class Annotations {
  marks: readonly KeyFrameMark[] = [];
  chapters: readonly Chapter[] = [];
  /** How near (CSS px) a mark snaps: `--vod-thumbnails-snap`, read when the layout changes. */
  snapPx = 6;
  private run: AbortController | undefined;
  private layer: MarksLayer | undefined;
  private player: Player | undefined;
  private layout: SeekLayout | undefined;

  constructor(private readonly host: HTMLElement) {}

  /** The shadow DOM is there: the ticks' container. */
  bind(marks: HTMLElement): void {
    this.layer = new MarksLayer(marks);
    this.changed();
  }

  /** Redraw for this player and layout (attach, layout change, control bar in or out). */
  place(player: Player | undefined, layout: SeekLayout | undefined): void {
    this.player = player;
    this.layout = layout;
    this.snapPx = Number.parseFloat(getComputedStyle(this.host).getPropertyValue('--vod-thumbnails-snap')) || 6;
    this.changed();
  }

  private changed(): void {
    const player = this.player;
    this.layer?.update(this.marks, this.chapters, player && durationOf(player), this.layout, !!player && controlBarShown(player));
  }

  /** Marks from `given` (the property) or else from `payload` (of the media `fileId` names, if set); throws `bad-marks`. */
  setMarks(given: unknown, payload: unknown, fileId: string | null): void {
    this.marks = [];
    const options = fileId ? { fileId } : {};
    this.marks = given != null ? parseKeyFrameMarks(given as KeyFrameMark[]) : payload ? parseKeyFrameMarks(payload as Record<string, unknown>, options) : [];
    this.changed();
  }

  /** Load chapters from `src`, or read the player's chapters track; `fail` gets a bad file. */
  loadChapters(src: string | null, player: Player | undefined, timeout: number, fail: (error: Error) => void): void {
    this.run?.abort();
    this.chapters = [];
    this.changed();
    if (!player) return;
    const run = new AbortController();
    this.run = run;
    const use = (chapters: Chapter[]) => {
      if (run.signal.aborted) return;
      this.chapters = chapters;
      this.changed();
    };
    if (src) {
      fetchText(new URL(src, document.baseURI).href, run.signal, 'chapters WebVTT', timeout)
        .then((response) => use(parseChapters(response.text)))
        .catch((error: unknown) => run.signal.aborted || fail(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    chaptersTrackOf(player, run.signal, (cues) => use(chaptersOf(cues)));
  }

  dispose(): void {
    this.run?.abort();
    this.player = this.layout = undefined;
    this.changed();
  }
}
