/**
 * Types for the Tencent Cloud VOD payloads that carry image sprite results, with field
 * names exactly as Tencent spells them (PascalCase for callback 3.0 and the API, camelCase
 * for the legacy 2.0 callback). Only the fields this package reads or that commonly appear
 * are listed; Tencent adds fields over time, so every object also allows others.
 */

/** `CreateImageSpriteTask2017`: the result of one sprite task (callback 3.0). */
export interface CreateImageSpriteTask2017 {
  /** 0 = success. */
  ErrCode: number;
  Message: string;
  TaskId: string;
  FileId: string;
  /** Sprite template id (10 = Tencent's preset). */
  Definition: number;
  TotalCount: number;
  /** The sprite sheet image URLs. */
  ImageSpriteUrlSet: string[];
  /** The WebVTT file mapping time ranges to tiles. */
  WebVttUrl: string;
  [field: string]: unknown;
}

/** Event types that may appear next to sprite events (not exhaustive). */
export type VodEventType =
  | 'CreateImageSpriteComplete'
  | 'ProcedureStateChanged'
  | 'NewFileUpload'
  | 'FileDeleted'
  | 'PullComplete'
  | 'EditMediaComplete'
  | 'WechatPublishComplete'
  | 'TranscodeComplete'
  | 'ConcatComplete'
  | 'ClipComplete'
  | (string & {});

/** One event as the normal callback posts it, or as an entry of PullEvents' `EventSet`. */
export interface VodEventContent {
  EventType: VodEventType;
  /** Present in PullEvents answers (reliable callback). */
  EventHandle?: string;
  CreateImageSpriteCompleteEvent?: CreateImageSpriteTask2017 | null;
  ProcedureStateChangeEvent?: ProcedureTask | null;
  [field: string]: unknown;
}

/** Shape 1: callback 3.0, normal callback body. */
export type CreateImageSpriteCompleteCallback = VodEventContent & {
  EventType: 'CreateImageSpriteComplete';
  CreateImageSpriteCompleteEvent: CreateImageSpriteTask2017;
};

/** Shape 2: callback 3.0, reliable callback: the PullEvents API answer. */
export interface PullEventsResponse {
  Response: {
    EventSet: VodEventContent[];
    RequestId: string;
    [field: string]: unknown;
  };
}

/** Shape 4: the legacy 2.0 callback. */
export interface LegacyCreateImageSpriteCallback {
  version: string;
  eventType: 'CreateImageSpriteComplete' | (string & {});
  data: {
    /** 0 = success. */
    status: number;
    message: string;
    vodTaskId: string;
    fileId: string;
    definition: number;
    totalCount: number;
    imageSpriteUrl: string[];
    webVttUrl: string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** `MediaImageSpriteItem`: one sprite result in media info or a procedure's output. */
export interface MediaImageSpriteItem {
  Definition: number;
  /** Tile height and width in pixels. */
  Height: number;
  Width: number;
  TotalCount: number;
  ImageUrlSet: string[];
  WebVttUrl: string;
  [field: string]: unknown;
}

/** `MediaImageSpriteInfo`: all sprite results of one media. */
export interface MediaImageSpriteInfo {
  ImageSpriteSet: MediaImageSpriteItem[];
  [field: string]: unknown;
}

/** `MediaInfo`: one entry of DescribeMediaInfos' `MediaInfoSet`. */
export interface MediaInfo {
  FileId: string;
  ImageSpriteInfo?: MediaImageSpriteInfo | null;
  KeyFrameDescInfo?: MediaKeyFrameDescInfo | null;
  [field: string]: unknown;
}

/** Shape 5: the DescribeMediaInfos API answer (also accepted without the `Response` wrapper). */
export interface DescribeMediaInfosResponse {
  Response: {
    MediaInfoSet: MediaInfo[];
    NotExistFileIdSet?: string[];
    RequestId: string;
    [field: string]: unknown;
  };
}

/** `MediaProcessTaskImageSpriteResult`: a procedure's sprite task. */
export interface MediaProcessTaskImageSpriteResult {
  /** `PROCESSING` | `SUCCESS` | `FAIL`. */
  Status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | (string & {});
  ErrCode: number;
  ErrCodeExt?: string;
  Message: string;
  Input: { Definition: number; [field: string]: unknown };
  Output?: MediaImageSpriteItem | null;
  [field: string]: unknown;
}

/** `MediaProcessTaskResult`: one entry of a procedure's `MediaProcessResultSet`. */
export interface MediaProcessTaskResult {
  /** `ImageSprites` for sprite results; `Transcode`, `SampleSnapshot`… for others. */
  Type: 'ImageSprites' | (string & {});
  ImageSpriteTask?: MediaProcessTaskImageSpriteResult | null;
  [field: string]: unknown;
}

/** `ProcedureTask`: the content of a `ProcedureStateChanged` event. */
export interface ProcedureTask {
  TaskId: string;
  /** `WAITING` | `PROCESSING` | `FINISH`. */
  Status: string;
  ErrCode: number;
  Message: string;
  FileId: string;
  MediaProcessResultSet: MediaProcessTaskResult[];
  [field: string]: unknown;
}

/** Shape 6: the `ProcedureStateChanged` callback (3.0). */
export type ProcedureStateChangedCallback = VodEventContent & {
  EventType: 'ProcedureStateChanged';
  ProcedureStateChangeEvent: ProcedureTask;
};

/** Every payload `parseSpriteEvent` accepts (as an object; JSON text of one is accepted too). */
export type SpriteEventPayload =
  | CreateImageSpriteCompleteCallback
  | PullEventsResponse
  | CreateImageSpriteTask2017
  | LegacyCreateImageSpriteCallback
  | DescribeMediaInfosResponse
  | DescribeMediaInfosResponse['Response']
  | MediaInfo
  | MediaImageSpriteInfo
  | MediaImageSpriteItem
  | ProcedureStateChangedCallback
  | ProcedureTask
  | PlaybackInfoResponse
  | PlaybackMedia
  | VodEventContent;

/** Every input `parseKeyFrameMarks` reads marks from (JSON text of one is accepted too). */
export type KeyFrameMarksInput =
  | DescribeMediaInfosResponse
  | DescribeMediaInfosResponse['Response']
  | MediaInfo
  | MediaKeyFrameDescInfo
  | PlaybackInfoResponse
  | PlaybackMedia
  | readonly { time: number; text: string }[];

/** `MediaKeyFrameDescItem`: one key-frame mark in DescribeMediaInfos. */
export interface MediaKeyFrameDescItem {
  /** Seconds from the start. */
  TimeOffset: number;
  /** 1–128 characters. */
  Content: string;
  [field: string]: unknown;
}

/** `MediaKeyFrameDescInfo`: a media's key-frame marks (at most 100). */
export interface MediaKeyFrameDescInfo {
  KeyFrameDescSet: MediaKeyFrameDescItem[];
  [field: string]: unknown;
}

/** One mark of the playback-info answer. */
export interface PlaybackKeyFrameDesc {
  /**
   * Milliseconds: Tencent's own players divide it by 1000 (the iOS SuperPlayer's
   * SPVideoFrameDescription, the Android one's v2 parser), unlike DescribeMediaInfos' seconds.
   */
  timeOffset: number;
  /** Percent-encoded text (Tencent's players decode it). */
  content: string;
  [field: string]: unknown;
}

/** The sprite set of the playback-info answer (`imageSpriteList` of them in the v2 answer). */
export interface PlaybackImageSpriteInfo {
  webVttUrl?: string;
  imageUrls?: string[];
  imageSpriteList?: { webVttUrl: string; imageUrls: string[]; definition?: number; width?: number; height?: number; totalCount?: number; [field: string]: unknown }[];
  [field: string]: unknown;
}

/** `media` of the playback-info answer. */
export interface PlaybackMedia {
  basicInfo?: { name?: string; duration?: number; description?: string; coverUrl?: string; [field: string]: unknown };
  imageSpriteInfo?: PlaybackImageSpriteInfo | null;
  keyFrameDescInfo?: { keyFrameDescList: PlaybackKeyFrameDesc[]; [field: string]: unknown } | null;
  [field: string]: unknown;
}

/**
 * Shape 7: the playback-info answer that Tencent's player and its third-party-player adapter
 * read (`https://playvideo.qcloud.com/getplayinfo/v4/<appId>/<fileId>?psign=…`, player
 * signature v4). `code` ≠ 0 is an error answer.
 */
export interface PlaybackInfoResponse {
  code?: number;
  message?: string;
  version?: number;
  media: PlaybackMedia;
  [field: string]: unknown;
}
