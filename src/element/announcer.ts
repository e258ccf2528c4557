/**
 * The polite live region that announces keyboard previews (every video has them, so this is
 * not in the marks chunk).
 */

/** Announcements no more often than this. */
const ANNOUNCE_MS = 500;

/** A visually hidden `aria-live="polite"` region: says `text` when it changes, at most every 500 ms. */
export class Announcer {
  private said = '';
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly region: HTMLElement) {}

  say(text: string): void {
    clearTimeout(this.timer);
    if (text === this.said) return;
    const wait = this.last + ANNOUNCE_MS - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.say(text), wait);
      return;
    }
    this.said = text;
    this.last = performance.now();
    this.region.textContent = text;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
