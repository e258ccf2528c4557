import { css } from 'lit';

/** The element's styles; every custom property has its default on `:host` (documented in the README). */
export const styles = css`
  :host {
    --vod-thumbnails-max-width: 33cqw;
    --vod-thumbnails-border: 1px solid rgb(255 255 255 / 0.85);
    --vod-thumbnails-radius: 4px;
    --vod-thumbnails-shadow: 0 2px 10px rgb(0 0 0 / 0.5);
    --vod-thumbnails-background: #000;
    --vod-thumbnails-font: 600 12px/1.3 Arial, Helvetica, sans-serif;
    --vod-thumbnails-color: #fff;
    --vod-thumbnails-label-background: rgb(0 0 0 / 0.75);
    --vod-thumbnails-offset: 10px;
    --vod-thumbnails-mark-color: #ffd400;
    --vod-thumbnails-mark-width: 4px;
    --vod-thumbnails-chapter-gap: 2px;
    --vod-thumbnails-snap: 6px;
    --vod-thumbnails-scrub-background: rgb(0 0 0 / 0.85);
    position: absolute;
    inset: 0;
    display: block;
    pointer-events: none;
    z-index: 2;
    container-type: inline-size;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .preview {
    position: absolute;
    left: 0;
    bottom: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    will-change: transform;
    z-index: 1;
  }
  .thumbnail {
    box-sizing: content-box;
    max-width: calc(100cqw - 2px);
    border: var(--vod-thumbnails-border);
    border-radius: var(--vod-thumbnails-radius);
    box-shadow: var(--vod-thumbnails-shadow);
    background: var(--vod-thumbnails-background);
    overflow: hidden;
  }
  .thumbnail canvas {
    display: block;
    width: 100%;
    height: 100%;
  }
  /* What changes while the pointer moves (the tile, the time) gets a layer of its own: the box
     with its blurred shadow is painted once, not again for every new tile or label. */
  .thumbnail canvas,
  .time {
    will-change: transform;
  }
  .time,
  .text {
    font: var(--vod-thumbnails-font);
    color: var(--vod-thumbnails-color);
    background: var(--vod-thumbnails-label-background);
    border-radius: var(--vod-thumbnails-radius);
    padding: 2px 6px;
  }
  .time {
    display: block;
  }
  .text {
    max-width: max(100%, 160px);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    text-overflow: ellipsis;
    overflow-wrap: anywhere;
    text-align: center;
  }
  .scrub {
    position: absolute;
    inset: 0;
    background: var(--vod-thumbnails-scrub-background);
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .scrub canvas {
    flex: none;
  }
  .probe {
    position: absolute;
    visibility: hidden;
    width: var(--vod-thumbnails-max-width);
    height: 0;
  }
  .marks {
    position: absolute;
    pointer-events: none;
  }
  .mark,
  .chapter {
    position: absolute;
    top: 0;
    height: 100%;
    translate: -50% 0;
  }
  .mark {
    width: var(--vod-thumbnails-mark-width);
    border-radius: calc(var(--vod-thumbnails-mark-width) / 2);
    background: var(--vod-thumbnails-mark-color);
  }
  .chapter {
    width: var(--vod-thumbnails-chapter-gap);
    background: var(--vod-thumbnails-background);
  }
  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
