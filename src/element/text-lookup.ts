/**
 * Which text a preview shows for a time: the key-frame mark within snapping distance (its
 * time wins), else the title of the chapter containing the time. Pure: no DOM.
 */
import type { Chapter, KeyFrameMark } from '../parse/types.js';

/** Index of the last item whose `key` ≤ value, -1 when none (items sorted by key). */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (key(items[mid]!) <= value) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}

/** The mark nearest `time` if it is within `reach` seconds (snapping distance in px ÷ px per second). */
export function markNear(marks: readonly KeyFrameMark[], time: number, reach: number): KeyFrameMark | undefined {
  const at = lastAtOrBefore(marks, time, (mark) => mark.time);
  let best: KeyFrameMark | undefined;
  for (const mark of [marks[at], marks[at + 1]]) {
    if (mark && Math.abs(mark.time - time) <= reach && (!best || Math.abs(mark.time - time) < Math.abs(best.time - time))) best = mark;
  }
  return best;
}

/** The chapter whose [start, end) holds `time`. */
export function chapterAt(chapters: readonly Chapter[], time: number): Chapter | undefined {
  const chapter = chapters[lastAtOrBefore(chapters, time, (item) => item.start)];
  return chapter && time < chapter.end ? chapter : undefined;
}
