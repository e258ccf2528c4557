/**
 * WebVTT timing lines: "collect WebVTT cue timings and settings" (timings only) and
 * "collect a WebVTT timestamp", in whole milliseconds. The scanner's hot path: written out
 * with charCodeAt, no regular expressions, no number boxes.
 */

/**
 * Out-parameters of the readers (position, times in whole milliseconds, the tile), in one
 * object of stable shape. All small integers: the hot loop allocates no number boxes.
 */
export const out = { pos: 0, start: 0, end: 0, x: 0, y: 0, w: 0, h: 0 };

/** Position after the spaces, tabs and form feeds at `pos`. */
function skipSpace(input: string, pos: number, end: number): number {
  for (let c = input.charCodeAt(pos); pos < end && (c === 32 || c === 9 || c === 12); c = input.charCodeAt(++pos));
  return pos;
}

/** "collect WebVTT cue timings and settings", timings only: sets out.start/out.end (ms). */
export function readTimings(input: string, pos: number, end: number): boolean {
  const start = readTimestamp(input, skipSpace(input, pos, end), end);
  if (start < 0) return false;
  pos = skipSpace(input, out.pos, end);
  if (input.charCodeAt(pos) !== 45 || input.charCodeAt(pos + 1) !== 45 || input.charCodeAt(pos + 2) !== 62) return false; // -->
  const stop = readTimestamp(input, skipSpace(input, pos + 3, end), end);
  // Whatever follows is cue settings, which a thumbnail does not use.
  out.start = start;
  out.end = stop;
  return stop >= 0;
}

/**
 * "collect a WebVTT timestamp": whole milliseconds (a small integer, not a boxed double, for
 * any real video), Infinity for an hour count as Chromium reads it, or -1 on failure;
 * `out.pos` = position after it. Many-digit hours can exceed 2^53 ms: the thumbnail layer
 * rejects those.
 */
function readTimestamp(input: string, pos: number, end: number): number {
  // Fast path for the common `hh:mm:ss.ttt`, written out (engines do not always inline
  // helpers here); anything else takes the general path below.
  if (pos + 12 <= end && input.charCodeAt(pos + 2) === 58 && input.charCodeAt(pos + 5) === 58 && input.charCodeAt(pos + 8) === 46) {
    const h1 = input.charCodeAt(pos) - 48;
    const h2 = input.charCodeAt(pos + 1) - 48;
    const m1 = input.charCodeAt(pos + 3) - 48;
    const m2 = input.charCodeAt(pos + 4) - 48;
    const s1 = input.charCodeAt(pos + 6) - 48;
    const s2 = input.charCodeAt(pos + 7) - 48;
    const t1 = input.charCodeAt(pos + 9) - 48;
    const t2 = input.charCodeAt(pos + 10) - 48;
    const t3 = input.charCodeAt(pos + 11) - 48;
    const next = pos + 12 < end ? input.charCodeAt(pos + 12) - 48 : -1;
    if (
      h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 &&
      m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 &&
      s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9 &&
      t1 >= 0 && t1 <= 9 && t2 >= 0 && t2 <= 9 && t3 >= 0 && t3 <= 9 &&
      (next < 0 || next > 9)
    ) {
      out.pos = pos + 12;
      return ((h1 * 10 + h2) * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2) * 1000 + t1 * 100 + t2 * 10 + t3;
    }
  }
  // The first number is hours when it is not exactly two digits or is above 59.
  let value1 = readDigits(input, pos, end);
  const count1 = out.pos - pos;
  if (!count1 || input.charCodeAt(out.pos) !== 58 || out.pos >= end) return -1;
  pos = out.pos + 1;
  let value2 = readDigits(input, pos, end);
  if (out.pos - pos !== 2) return -1;
  let value3 = value2;
  if (count1 !== 2 || value1 > 59 || (out.pos < end && input.charCodeAt(out.pos) === 58)) {
    if (out.pos >= end || input.charCodeAt(out.pos) !== 58) return -1;
    pos = out.pos + 1;
    value3 = readDigits(input, pos, end);
    if (out.pos - pos !== 2) return -1;
  } else {
    value2 = value1;
    value1 = 0;
  }
  if (out.pos >= end || input.charCodeAt(out.pos) !== 46) return -1;
  pos = out.pos + 1;
  const value4 = readDigits(input, pos, end);
  if (out.pos - pos !== 3 || value2 > 59 || value3 > 59) return -1;
  const ms = (value1 * 3600 + value2 * 60 + value3) * 1000 + value4;
  return ms >= CHROMIUM_INFINITE_MS ? Infinity : ms;
}

/**
 * Chromium keeps cue times in int64 microseconds and reads a time past that range
 * (2^63 - 1 µs, about 2562047788 hours) as ∞; so do we, to give the same cues.
 */
const CHROMIUM_INFINITE_MS = 9223372036854776;

/** The value of the ASCII digits at `pos` (0 when none); `out.pos` = position after them. */
function readDigits(input: string, pos: number, end: number): number {
  let value = 0;
  for (let c = input.charCodeAt(pos); pos < end && c >= 48 && c <= 57; c = input.charCodeAt(++pos)) value = value * 10 + c - 48;
  out.pos = pos;
  return value;
}

/**
 * Milliseconds → seconds exactly as the spec computes them (whole seconds + ms / 1000), so
 * times equal the browser's to the last bit.
 */
export function seconds(ms: number): number {
  if (ms === Infinity) return ms;
  const remainder = ms % 1000;
  return (ms - remainder) / 1000 + remainder / 1000;
}
