/**
 * `<vod-sprite-thumbnails>` in Vue templates (type-checked by vue-tsc / Volar). Opt in once:
 *
 *     import type {} from 'vod-sprite-thumbnails/vue';
 *
 * and tell Vue's compiler it is a custom element:
 * `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'vod-sprite-thumbnails' } } })`.
 */
import type { DefineComponent } from 'vue';
import type {
  KeyFrameMark,
  ThumbnailsDefinitionDetail,
  ThumbnailsErrorDetail,
  ThumbnailsExpiredDetail,
  ThumbnailsPreload,
  ThumbnailsReadyDetail,
  ThumbnailsScrub,
} from '../index.js';

/** The element's attributes and properties, as template props (Vue sets known properties as properties). */
export interface VodSpriteThumbnailsVueProps {
  for?: string;
  event?: unknown;
  eventSrc?: string;
  fileId?: string;
  definition?: string | number;
  width?: number | string;
  showTime?: boolean;
  preload?: ThumbnailsPreload;
  upgradeInsecure?: boolean;
  chaptersSrc?: string;
  scrub?: ThumbnailsScrub;
  timeout?: number;
  marks?: KeyFrameMark[] | null;
  refreshEvent?: (() => Promise<unknown>) | null;
  // `@vod-thumbnails-ready` compiles to one of these keys, depending on Vue's version.
  'onVod-thumbnails-ready'?: (event: CustomEvent<ThumbnailsReadyDetail>) => void;
  'onVod-thumbnails-error'?: (event: CustomEvent<ThumbnailsErrorDetail>) => void;
  'onVod-thumbnails-definition'?: (event: CustomEvent<ThumbnailsDefinitionDetail>) => void;
  onVodThumbnailsReady?: (event: CustomEvent<ThumbnailsReadyDetail>) => void;
  onVodThumbnailsError?: (event: CustomEvent<ThumbnailsErrorDetail>) => void;
  onVodThumbnailsDefinition?: (event: CustomEvent<ThumbnailsDefinitionDetail>) => void;
  'onVod-thumbnails-expired'?: (event: CustomEvent<ThumbnailsExpiredDetail>) => void;
  onVodThumbnailsExpired?: (event: CustomEvent<ThumbnailsExpiredDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'vod-sprite-thumbnails': DefineComponent<VodSpriteThumbnailsVueProps>;
  }
}
