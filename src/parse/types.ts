/** Public data types shared by the parsing, lookup, loading and UI modules. */

/** One successful sprite result found in a payload. */
export interface SpriteInfo {
  fileId?: string;
  taskId?: string;
  definition?: number;
  /** Tile width/height in pixels, when the payload says (media info only). */
  width?: number;
  height?: number;
  totalCount?: number;
  /** Absolute http(s) URL of the WebVTT file. */
  vttUrl: string;
  /** Absolute http(s) URLs of the sprite sheets, in payload order (signatures kept). */
  imageUrls: string[];
}

export interface ParseSpriteEventOptions {
  /** Keep only results for this FileId. */
  fileId?: string;
  /** Keep only results for this template Definition. */
  definition?: number | string;
  /**
   * Base for relative URLs in the payload (e.g. the URL of the JSON document it came
   * from). Without it, relative URLs are `bad-url` errors.
   */
  baseUrl?: string;
}

/** One thumbnail: a time range and the tile that shows it. */
export interface ThumbnailCue {
  /** Seconds. */
  readonly start: number;
  /** Seconds. */
  readonly end: number;
  /** Absolute URL of the image holding the tile. */
  readonly url: string;
  /** Tile rectangle in image pixels; `w`/`h` undefined = the whole image. */
  readonly x: number;
  readonly y: number;
  readonly w: number | undefined;
  readonly h: number | undefined;
}

export interface ParseThumbnailVttOptions {
  /** URL the VTT was fetched from; refs not in `imageUrls` resolve against it. */
  vttUrl: string;
  /** Image URL set from the payload; a ref whose file name matches one uses that URL. */
  imageUrls?: readonly string[];
  /** Upgrade `http:` image URLs to `https:` on https pages. Default true. */
  upgradeInsecure?: boolean;
  /** The page's protocol; defaults to `globalThis.location?.protocol`. */
  pageProtocol?: string;
}

/** Grid fallback: tiles laid out in order over the sheets, no VTT needed. */
export interface GridOptions {
  columns: number;
  rows: number;
  /** Seconds per tile. */
  interval: number;
  /** Tile size in pixels. */
  width: number;
  height: number;
}

/** A key-frame mark (Tencent's 打点): a moment of the video and its text. */
export interface KeyFrameMark {
  /** Seconds from the start. */
  time: number;
  /** Plain text (never HTML), trimmed, 1–128 characters. */
  text: string;
}

export interface ParseKeyFrameMarksOptions {
  /** With several media in a DescribeMediaInfos answer: the one whose FileId this is. */
  fileId?: string;
}

/** A chapter of a WebVTT chapters file. */
export interface Chapter {
  /** Seconds. */
  start: number;
  end: number;
  /** The title as plain text: cue tags stripped, character references decoded, trimmed. */
  text: string;
}
