/**
 * Thumbnails without a VTT: Tencent lays tiles row-major over the sheets in order, one tile
 * per `interval` seconds, so the sheets and the grid are enough (e.g. when the CDN sends
 * no CORS headers for the .vtt but `<img>` still loads the sheets).
 */
import { isHttpUrl } from './resolve.js';
import { ThumbnailTrack } from './track.js';
import type { GridOptions, ThumbnailCue } from './types.js';

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
 * @throws RangeError / TypeError naming the bad option.
 */
export function gridTrack(imageUrls: readonly string[], grid: GridOptions, options: GridTrackOptions = {}): ThumbnailTrack {
  if (!Array.isArray(imageUrls) || imageUrls.length === 0) {
    throw new TypeError('gridTrack: imageUrls must be a non-empty array of sprite sheet URLs (ImageSpriteUrlSet).');
  }
  imageUrls.forEach((url, index) => {
    if (typeof url !== 'string' || !isHttpUrl(url)) {
      throw new TypeError(`gridTrack: imageUrls[${index}] is ${JSON.stringify(url)}; only absolute http: or https: URLs are loaded.`);
    }
  });
  if (grid === null || typeof grid !== 'object') {
    throw new TypeError('gridTrack: grid must be an object { columns, rows, interval, width, height }.');
  }
  const columns = positive(grid.columns, 'columns', true);
  const rows = positive(grid.rows, 'rows', true);
  const interval = positive(grid.interval, 'interval (seconds per tile)', false);
  const width = positive(grid.width, 'width (tile width in pixels)', false);
  const height = positive(grid.height, 'height (tile height in pixels)', false);
  const duration = options.duration;
  if (duration !== undefined && !(duration > 0 && Number.isFinite(duration))) {
    throw new RangeError(`gridTrack: duration must be a positive number of seconds, got ${String(duration)}.`);
  }
  const totalCount = options.totalCount;
  if (totalCount !== undefined && !(Number.isInteger(totalCount) && totalCount > 0)) {
    throw new RangeError(`gridTrack: totalCount must be a positive integer, got ${String(totalCount)}.`);
  }

  const perSheet = columns * rows;
  let count = perSheet * imageUrls.length;
  if (totalCount !== undefined) count = Math.min(count, totalCount);
  if (duration !== undefined) count = Math.min(count, Math.max(1, Math.ceil(duration / interval)));
  const cues: ThumbnailCue[] = [];
  for (let k = 0; k < count; k++) {
    const tile = k % perSheet;
    // Rounded to microseconds so 3 × 0.8 is 2.4, as a VTT would say, not 2.4000000000000004.
    const start = roundTime(k * interval);
    let end = roundTime((k + 1) * interval);
    if (duration !== undefined && end > duration) end = Math.max(duration, start);
    cues.push({
      start,
      end,
      url: imageUrls[Math.floor(k / perSheet)]!,
      x: (tile % columns) * width,
      y: Math.floor(tile / columns) * height,
      w: width,
      h: height,
    });
  }
  return new ThumbnailTrack(cues);
}

function roundTime(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

function positive(value: unknown, name: string, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`gridTrack: grid.${name} must be a positive ${integer ? 'integer' : 'number'}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`);
  }
  return value;
}
