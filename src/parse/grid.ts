/**
 * Thumbnails without a VTT: Tencent lays tiles row-major over the sheets in order, one tile
 * per `interval` seconds, so the sheets and the grid are enough (e.g. when the CDN sends
 * no CORS headers for the .vtt but `<img>` still loads the sheets).
 */
import { quote, ThumbnailVttError } from './errors.js';
import { isHttp, parseUrl } from './urls.js';
import { Cue, ThumbnailTrack } from './track.js';
import type { GridOptions } from './types.js';

export interface GridTrackOptions {
  /** Video duration in seconds: no tile starts at or after it, and the last ends at it. */
  duration?: number;
  /** Number of tiles Tencent made (`TotalCount`): tiles beyond it are left out. */
  totalCount?: number;
}

/**
 * A `ThumbnailTrack` laying `grid.columns × grid.rows` tiles of `grid.width × grid.height`
 * pixels row-major over each sheet of `imageUrls` in order, tile k covering
 * `[k × interval, (k + 1) × interval)` seconds.
 *
 * @throws ThumbnailVttError naming the bad option: code `bad-url` for an image URL that is
 *   not absolute http(s), `bad-grid` for the rest (the grid stands in for the VTT, so its
 *   failures are the VTT's kind). Limits keep every time and position finite: at most
 *   `MAX_TILES` tiles, tiles at most `MAX_TILE_SIZE` px a side, `interval` at most a day.
 */
/** 200,000 tiles: 55 hours at one a second; more is a mistaken grid, not a video. */
export const MAX_TILES = 200_000;
/** The largest tile side in CSS px that is drawn (larger is an error, as for a VTT tile). */
export const MAX_TILE_SIZE = 16_384;
const MAX_INTERVAL = 86_400;

const badGrid = (message: string) => new ThumbnailVttError('bad-grid', `gridTrack: ${message}`);

export function gridTrack(imageUrls: readonly string[], grid: GridOptions, { duration, totalCount }: GridTrackOptions = {}): ThumbnailTrack {
  if (!Array.isArray(imageUrls) || !imageUrls.length) {
    throw badGrid('imageUrls must be a non-empty array of sprite sheet URLs (ImageSpriteUrlSet).');
  }
  // Parsed, so a URL with stray spaces or odd characters is used in the one form a browser loads.
  const sheets = imageUrls.map((url, index) => {
    const parsed = typeof url === 'string' ? parseUrl(url) : undefined;
    if (!isHttp(parsed)) {
      throw new ThumbnailVttError('bad-url', `gridTrack: imageUrls[${index}] is ${quote(url)}; only absolute http: or https: URLs are loaded.`);
    }
    return parsed!.href;
  });
  if (typeof grid !== 'object' || !grid) throw badGrid('grid must be an object { columns, rows, interval, width, height }.');
  const columns = positive(grid.columns, 'grid.columns', true);
  const perSheet = columns * positive(grid.rows, 'grid.rows', true);
  const interval = positive(grid.interval, 'grid.interval (seconds per tile)', false, MAX_INTERVAL);
  const width = positive(grid.width, 'grid.width (tile width in pixels)', false, MAX_TILE_SIZE);
  const height = positive(grid.height, 'grid.height (tile height in pixels)', false, MAX_TILE_SIZE);
  let count = Math.min(perSheet * sheets.length, totalCount === undefined ? Infinity : positive(totalCount, 'totalCount', true));
  if (duration !== undefined) count = Math.min(count, Math.ceil(positive(duration, 'duration (seconds)') / interval));
  if (count > MAX_TILES) throw badGrid(`the grid makes ${count} tiles, more than ${MAX_TILES}; check columns, rows, interval and the sheet count.`);
  // Rounded to microseconds so 3 × 0.8 is 2.4, as a VTT would say, not 2.4000000000000004.
  const time = (k: number) => Math.round(k * interval * 1e6) / 1e6;
  const cues: Cue[] = [];
  for (let k = 0; k < count; k++) {
    const tile = k % perSheet;
    const start = time(k);
    const end = Math.min(time(k + 1), Math.max(duration ?? Infinity, start));
    cues.push(new Cue(start, end, sheets[Math.floor(k / perSheet)]!, (tile % columns) * width, Math.floor(tile / columns) * height, width, height));
  }
  return new ThumbnailTrack(cues);
}

function positive(value: unknown, name: string, integer = false, max = Infinity): number {
  if (typeof value !== 'number' || !(value > 0 && value < Infinity) || (integer && !Number.isInteger(value))) {
    throw badGrid(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${quote(value)}.`);
  }
  if (value > max) throw badGrid(`${name} must be at most ${max}, got ${value}.`);
  return value;
}
