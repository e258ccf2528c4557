/**
 * Several sprite definitions of one video (e.g. Tencent templates with 142×80 and 284×160
 * tiles): their tile sizes, their tracks (each VTT fetched once), and the srcset-like choice.
 */
import type { ThumbnailTrack } from '../parse/track.js';
import type { SpriteInfo } from '../parse/types.js';

export interface SizedSprite {
  info: SpriteInfo;
  tileWidth: number;
}

/** The smallest set whose tile is at least `need` device px wide, else the largest. Pure. */
export function pickBySize<T extends { tileWidth: number }>(candidates: readonly T[], need: number): T {
  const sorted = [...candidates].sort((a, b) => a.tileWidth - b.tileWidth);
  return sorted.find((candidate) => candidate.tileWidth >= need) ?? sorted[sorted.length - 1]!;
}

export class Definitions {
  private readonly tracks = new Map<SpriteInfo, Promise<ThumbnailTrack>>();
  /** Tracks already loaded, for synchronous use in a frame. */
  readonly loaded = new Map<SpriteInfo, ThumbnailTrack>();
  /** Every usable set with its tile width, once known (only when there is a choice to make). */
  sized: SizedSprite[] | undefined;

  constructor(
    readonly sprites: readonly SpriteInfo[],
    private readonly load: (info: SpriteInfo) => Promise<ThumbnailTrack>,
  ) {}

  track(info: SpriteInfo): Promise<ThumbnailTrack> {
    let track = this.tracks.get(info);
    if (!track) {
      track = this.load(info).then((loaded) => {
        this.loaded.set(info, loaded);
        return loaded;
      });
      // A failed VTT is not kept: a later pick may try again.
      track.catch(() => this.tracks.delete(info));
      this.tracks.set(info, track);
    }
    return track;
  }

  /**
   * The tile width of every set: `Width` from the payload where given, else from the set's VTT
   * (`#xywh`), which is then fetched: one request per set without `Width`, at load time. A set
   * whose VTT fails is left out of the choice (unless all fail: then the first one's error).
   */
  async size(): Promise<SizedSprite[]> {
    const settled = await Promise.allSettled(
      this.sprites.map(async (info) => ({ info, tileWidth: info.width ?? (await this.track(info)).cue(0)?.w ?? 0 })),
    );
    const sized = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (!sized.length) throw (settled[0] as PromiseRejectedResult).reason;
    this.sized = sized;
    return sized;
  }

  /** The smallest tile width: the preview's CSS width when the app sets none. */
  get baseWidth(): number | undefined {
    return this.sized && Math.min(...this.sized.map((each) => each.tileWidth));
  }

  /** The set to draw `need` device px from (undefined: no choice to make). */
  pick(need: number): SpriteInfo | undefined {
    return this.sized && pickBySize(this.sized, need).info;
  }
}
