/**
 * Signed sheet URLs that expired (Tencent's hot-link protection: `?t=…&sign=…`). The app's
 * `refreshEvent` gives a fresh payload (at most once a minute; one call serves the sheets
 * failing meanwhile), whose URLs are swapped in by file name: the track and loaded sheets stay.
 */
import { lastPathSegment } from '../parse/urls.js';
import type { SpriteInfo } from '../parse/types.js';

/** Signed sheet URLs are refreshed at most this often. */
const REFRESH_MS = 60_000;

export class SignedUrls {
  /** Sheet URL → the refreshed (re-signed) URL to load it from. */
  private readonly aliases = new Map<string, string>();
  private readonly retried = new Set<string>();
  private refreshedAt = -Infinity;
  private refreshing: Promise<boolean> | undefined;

  /** Where to load the sheet known as `url` from. */
  src(url: string): string {
    return this.aliases.get(url) ?? url;
  }

  /** A failed sheet that may be retried once with fresh URLs (it looks signed, and was not retried yet). */
  retriable(url: string): boolean {
    return !this.retried.has(url) && this.src(url).includes('?');
  }

  /**
   * Fresh URLs for `sheets` from `refresh` (parsed by `sprites`); true when they came, and
   * `failed` (which was loaded from `tried`) may be retried (once).
   */
  renew(failed: string, tried: string, sheets: readonly string[], refresh: () => Promise<unknown>, sprites: (payload: unknown) => Promise<SpriteInfo[]>): Promise<boolean> {
    this.retried.add(failed);
    // Its request went out before a refresh that already gave it a new URL: retry with that one.
    if (this.src(failed) !== tried) return Promise.resolve(true);
    if (this.refreshing) return this.refreshing;
    if (performance.now() - this.refreshedAt < REFRESH_MS) return Promise.resolve(false);
    this.refreshedAt = performance.now();
    this.refreshing = (async () => {
      try {
        // By file name over every set: the sheets of each definition in use get their new URLs.
        const byName = new Map((await sprites(await refresh())).flatMap((sprite) => sprite.imageUrls).map((next) => [lastPathSegment(next), next]));
        for (const sheet of sheets) {
          const next = byName.get(lastPathSegment(sheet));
          if (next && next !== sheet) this.aliases.set(sheet, next);
        }
        return true;
      } catch {
        // The sheet's own failure is what gets reported (once, as an `image` error).
        return false;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  clear(): void {
    this.aliases.clear();
    this.retried.clear();
  }
}
