/**
 * What the preview shows for one request: the time (snapped to a key-frame mark within a few
 * px), the mark's text or the chapter title, and the tile of that time if its sheet is decoded
 * (else the tile drawn last, until it is). Sheets are asked for as the pointer reaches them.
 */
import type { ThumbnailTrack } from '../parse/track.js';
import type { Chapter, KeyFrameMark, ThumbnailCue } from '../parse/types.js';
import type { SeekLayout, SeekRequest } from '../player/seek-input.js';
import { formatTime } from '../player/videojs-internals.js';
import type { Pipeline } from './pipeline.js';
import type { Frame } from './preview.js';
import { chapterAt, markNear } from './text-lookup.js';

export const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

export interface FrameContext {
  marks: readonly KeyFrameMark[];
  chapters: readonly Chapter[];
  duration: number;
  layout: SeekLayout;
  /** Snapping distance to a mark, CSS px. */
  snapPx: number;
  showTime: boolean;
  /** The `width` property (CSS px) when > 0, else the smallest set's tile width when there is a choice. */
  width: number | undefined;
  /** `width` is the app's own (not capped by `--vod-thumbnails-max-width`). */
  fixed: boolean;
  /** The track of the scrub layer while a drag shows it (the set sharp enough for the video area). */
  scrub: ThumbnailTrack | undefined;
}

type Tile = { cue: ThumbnailCue; image: HTMLImageElement | undefined };

/** The frame for `request`, with `announce` (what a screen reader hears for a keyboard preview). */
export function previewFrame(request: SeekRequest, context: FrameContext, pipeline: Pipeline, drawn: Tile | undefined): (Frame & { announce: string }) | undefined {
  const { duration, layout } = context;
  let time = request.fraction * duration;
  let x = request.x;
  const mark = markNear(context.marks, time, (context.snapPx * duration) / (layout.barWidth || 1));
  if (mark) {
    time = mark.time;
    x = layout.barLeft + (mark.time / duration) * layout.barWidth;
  }
  const text = mark?.text ?? chapterAt(context.chapters, time)?.text;
  const clock = formatTime(time, duration);
  const label = context.showTime ? clock : undefined;
  const frame = { x, label, text, width: '0px', playerWidth: layout.width, bottom: layout.height - layout.barTop, announce: text ? `${clock}, ${text}` : clock };
  // After a payload or VTT failure there is no track: the player's own tooltip serves (or the text alone).
  const cue = pipeline.track?.at(time);
  if (!cue) return text ? frame : undefined;
  // A sheet that failed: video.js's own time tooltip serves, as after any other failure.
  if (pipeline.failedSheets.has(cue.url)) return text ? { ...frame, label: undefined } : undefined;
  pipeline.want(cue.url, !saveData());
  let shown: Tile = { cue, image: pipeline.image(cue) };
  if (!shown.image && drawn && pipeline.image(drawn.cue)) shown = drawn;
  const tileWidth = shown.cue.w ?? shown.image?.naturalWidth ?? 0;
  return {
    ...frame,
    cue: shown.cue,
    image: shown.image,
    width: context.fixed ? `${context.width}px` : `min(${context.width ?? tileWidth}px, var(--vod-thumbnails-max-width))`,
    scrub: context.scrub && scrubFrame(context.scrub, time, layout, pipeline),
  };
}

/** The scrub layer's tile for `time`, fitted into the video area (aspect kept, letterboxed). */
function scrubFrame(track: ThumbnailTrack, time: number, layout: SeekLayout, pipeline: Pipeline): Frame['scrub'] {
  const cue = track.at(time);
  if (!cue) return undefined;
  pipeline.want(cue.url, false);
  const image = pipeline.image(cue);
  if (!image) return undefined;
  const ratio = (cue.w ?? image.naturalWidth) / (cue.h ?? image.naturalHeight);
  const area = { width: layout.width, height: Math.max(1, layout.controlTop) };
  const width = Math.min(area.width, area.height * ratio);
  return { cue, image, width, height: width / ratio, bottom: layout.height - layout.controlTop };
}
