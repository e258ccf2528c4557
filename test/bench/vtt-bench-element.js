// Browser side of `npm run bench -- --parts=element`: the real element on a video.js player,
// from attaching it (the VTT fetch starts) to `vod-thumbnails-ready`, on a fresh page.
import videojs from 'video.js';
import '../../src/index.ts';

window.benchElement = async ({ vttUrl, sheets }) => {
  const video = document.createElement('video');
  video.id = 'player';
  video.className = 'video-js';
  document.body.append(video);
  const player = videojs(video, { controls: true, inactivityTimeout: 0 });
  await new Promise((resolve) => player.ready(resolve));
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const folder = vttUrl.slice(0, vttUrl.lastIndexOf('/') + 1);
  const imageUrls = Array.from({ length: sheets }, (_, i) => `${folder}imageSprite_10_${i}.jpg?t=6a1b2c3d&us=72d4cd1101&sign=9f86d081884c7d659a2feaa0c55ad015`);
  const element = document.createElement('vod-sprite-thumbnails');
  element.setAttribute('for', 'player');
  element.event = { ErrCode: 0, Message: 'SUCCESS', TaskId: 'bench', FileId: 'bench', Definition: 10, TotalCount: imageUrls.length * 100, ImageSpriteUrlSet: imageUrls, WebVttUrl: vttUrl };
  const outcome = new Promise((resolve) => {
    element.addEventListener('vod-thumbnails-ready', (event) => resolve({ ok: true, sheets: event.detail.sheets.length }), { once: true });
    element.addEventListener('vod-thumbnails-error', (event) => resolve({ ok: false, error: String(event.detail.error) }), { once: true });
  });
  performance.mark('vtt-bench-start');
  const start = performance.now();
  document.body.append(element);
  const result = await outcome;
  const end = performance.now();
  performance.mark('vtt-bench-ready');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const inWindow = longTasks.filter((task) => task.startTime + task.duration > start && task.startTime < end);
  return { ...result, totalMs: end - start, longestTaskMs: Math.max(0, ...inWindow.map((task) => task.duration)), longTasks: inWindow.length };
};
