/**
 * The text a preview can show besides the time: key-frame marks (the `marks` property, else
 * those in the payload) and chapters (a `chapters-src` WebVTT file, else the player's own
 * text track of kind `chapters`).
 */
import { fetchText } from '../load/fetch-text.js';
import { parseChapters } from '../parse/chapters.js';
import { parseKeyFrameMarks } from '../parse/marks.js';
import type { Chapter, KeyFrameMark } from '../parse/types.js';
import { chaptersTrackOf, type Player } from '../player/videojs-internals.js';

export class Annotations {
  marks: readonly KeyFrameMark[] = [];
  chapters: readonly Chapter[] = [];
  private run: AbortController | undefined;

  constructor(private readonly changed: () => void) {}

  /** Marks from `given` (the property) or else from `payload`; throws `bad-marks`. */
  setMarks(given: unknown, payload: unknown): void {
    this.marks = [];
    this.marks = given != null ? parseKeyFrameMarks(given as KeyFrameMark[]) : payload ? parseKeyFrameMarks(payload as Record<string, unknown>) : [];
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
    chaptersTrackOf(player, run.signal, (cues) => use(cues));
  }

  dispose(): void {
    this.run?.abort();
  }
}
