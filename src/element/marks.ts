/**
 * Key-frame marks and chapter boundaries drawn over the seek bar (loaded with the marks chunk).
 * Ticks are placed in % of the duration inside one container that sits on the seek bar: they are rebuilt when the marks, chapters or duration change and
 * the container moves when the layout does, never per pointer move.
 */
import type { Chapter, KeyFrameMark } from '../parse/types.js';
import type { SeekLayout } from '../player/seek-input.js';

export class MarksLayer {
  private key = '';
  private place = '';

  constructor(private readonly container: HTMLElement) {}

  /** Draw `marks` and chapter starts for `duration` over the bar of `layout`; `shown` follows video.js's control bar. */
  update(marks: readonly KeyFrameMark[], chapters: readonly Chapter[], duration: number | undefined, layout: SeekLayout | undefined, shown: boolean): void {
    const container = this.container;
    container.hidden = !shown || !duration || !layout || (!marks.length && chapters.length < 2);
    if (container.hidden || !duration || !layout) return;
    const place = `${layout.barLeft},${layout.barTop},${layout.barWidth},${layout.barBottom - layout.barTop}`;
    if (place !== this.place) {
      this.place = place;
      Object.assign(container.style, {
        left: `${layout.barLeft}px`,
        top: `${layout.barTop}px`,
        width: `${layout.barWidth}px`,
        height: `${layout.barBottom - layout.barTop}px`,
      });
    }
    const key = `${duration}|${marks.map((mark) => mark.time).join()}|${chapters.map((chapter) => chapter.start).join()}`;
    if (key === this.key) return;
    this.key = key;
    const tick = (className: string, time: number, title = '') => {
      const el = document.createElement('div');
      el.className = el.part.value = className;
      el.style.left = `${Math.min(100, Math.max(0, (time / duration) * 100))}%`;
      // Text, never markup: a mark's text comes from the payload.
      if (title) el.title = title;
      return el;
    };
    container.replaceChildren(
      ...chapters.slice(1).map((chapter) => tick('chapter', chapter.start)),
      ...marks.map((mark) => tick('mark', mark.time, mark.text)),
    );
  }
}
