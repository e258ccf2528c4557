/**
 * `<vod-sprite-thumbnails>` in React 19's JSX. Opt in once, e.g. in a `.d.ts` of your app:
 *
 *     import type {} from 'vod-sprite-thumbnails/react';
 *
 * React 19 sets a prop as a property when the element has one (so `event` may be an object)
 * and listens to `on<event-name>` props as DOM events (`onvod-thumbnails-ready`).
 * Hand-written: the custom elements manifest describes the element, this file only maps it.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  KeyFrameMark,
  ThumbnailsDefinitionDetail,
  ThumbnailsErrorDetail,
  ThumbnailsExpiredDetail,
  ThumbnailsPreload,
  ThumbnailsReadyDetail,
  ThumbnailsScrub,
  VodSpriteThumbnails,
} from '../index.js';

/** The element's attributes and properties, as JSX props. */
export interface VodSpriteThumbnailsJsxProps extends DetailedHTMLProps<HTMLAttributes<VodSpriteThumbnails>, VodSpriteThumbnails> {
  /** id of the video.js player element (or of its `<video>`); optional inside the player. */
  for?: string;
  /** The payload: an object (set as a property) or JSON text. */
  event?: unknown;
  'event-src'?: string;
  eventSrc?: string;
  'file-id'?: string;
  fileId?: string;
  definition?: string | number;
  width?: number | string;
  'show-time'?: boolean | 'true' | 'false';
  showTime?: boolean;
  preload?: ThumbnailsPreload;
  'upgrade-insecure'?: boolean | 'true' | 'false';
  upgradeInsecure?: boolean;
  'chapters-src'?: string;
  chaptersSrc?: string;
  scrub?: ThumbnailsScrub;
  timeout?: number;
  /** Properties only (React 19 sets them as properties). */
  marks?: KeyFrameMark[] | null;
  refreshEvent?: (() => Promise<unknown>) | null;
  'onvod-thumbnails-ready'?: (event: CustomEvent<ThumbnailsReadyDetail>) => void;
  'onvod-thumbnails-error'?: (event: CustomEvent<ThumbnailsErrorDetail>) => void;
  'onvod-thumbnails-definition'?: (event: CustomEvent<ThumbnailsDefinitionDetail>) => void;
  'onvod-thumbnails-expired'?: (event: CustomEvent<ThumbnailsExpiredDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vod-sprite-thumbnails': VodSpriteThumbnailsJsxProps;
    }
  }
}
