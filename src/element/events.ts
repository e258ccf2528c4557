/** The element's public events and their details, and the attribute converters it shares. */
import type { ThumbnailTrack } from '../parse/track.js';
import type { Chapter, KeyFrameMark, SpriteInfo, ThumbnailCue } from '../parse/types.js';
import type { ThumbnailsErrorStage } from './pipeline.js';

export interface ThumbnailsReadyDetail {
  readonly cues: readonly ThumbnailCue[];
  readonly sheets: readonly string[];
  /** The sprite `Definition` in use, when the payload names one. */
  readonly definition: number | undefined;
  readonly marks: readonly KeyFrameMark[];
  readonly chapters: readonly Chapter[];
}

/** The ready detail; `cues`, `marks` and `chapters` are read when asked for (chapters may arrive later). */
export function readyDetail(track: ThumbnailTrack, info: SpriteInfo, annotations: { marks: readonly KeyFrameMark[]; chapters: readonly Chapter[] }): ThumbnailsReadyDetail {
  return {
    sheets: track.sheets,
    definition: info.definition,
    get marks() {
      return annotations.marks;
    },
    get chapters() {
      return annotations.chapters;
    },
    get cues() {
      return track.cues;
    },
  };
}

export interface ThumbnailsErrorDetail {
  error: Error;
  stage: ThumbnailsErrorStage;
}

export interface ThumbnailsDefinitionDetail {
  /** The sprite `Definition` now in use. */
  definition: number | undefined;
}

export interface ThumbnailsExpiredDetail {
  /** Sheet URLs that stopped loading while they look signed (a query string). */
  urls: string[];
}

/** `show-time="false"` turns it off; absent or any other value means on. */
export const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value?.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/** An attribute holding JSON; bad JSON is ignored with a warning. */
export const jsonAttribute = {
  fromAttribute(value: string | null): unknown {
    try {
      return value ? JSON.parse(value) : null;
    } catch {
      console.warn(`vod-sprite-thumbnails: ignoring an attribute that is not JSON: ${value?.slice(0, 120)}`);
      return null;
    }
  },
};

declare global {
  interface GlobalEventHandlersEventMap {
    'vod-thumbnails-ready': CustomEvent<ThumbnailsReadyDetail>;
    'vod-thumbnails-error': CustomEvent<ThumbnailsErrorDetail>;
    'vod-thumbnails-expired': CustomEvent<ThumbnailsExpiredDetail>;
    'vod-thumbnails-definition': CustomEvent<ThumbnailsDefinitionDetail>;
  }
}
