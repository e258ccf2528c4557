// Node side of the hover benchmark's pages: one page per contender (same player, video,
// sprites) plus the files they load, our script-tag bundle (support.js buildIife) among them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, serve } from './support.js';

const media = join(root, 'demo/public/media');
const modules = join(root, 'node_modules');
const read = (path) => readFileSync(path);

/** What each page loads besides video.js (scripts and styles, in order). */
export const PAGES = {
  bare: { label: 'bare video.js 8 (baseline)', scripts: [], styles: [] },
  element: { label: 'vod-sprite-thumbnails, element', scripts: ['/ours.js'], styles: [] },
  plugin: { label: 'vod-sprite-thumbnails, plugin', scripts: ['/ours.js'], styles: [] },
  marks: { label: 'vod-sprite-thumbnails, element + marks + chapters', scripts: ['/ours.js'], styles: [] },
  sprite: { label: 'videojs-sprite-thumbnails 2.2.6', scripts: ['/peer/videojs-sprite-thumbnails.min.js'], styles: [] },
  vtt: {
    label: 'videojs-vtt-thumbnails 0.0.13',
    scripts: ['/peer/videojs-vtt-thumbnails.min.js'],
    styles: ['/peer/videojs-vtt-thumbnails.css'],
  },
};

function pageHtml(name) {
  const { styles, scripts, setup = name } = PAGES[name];
  return `<!doctype html>
<html lang="en" data-page="${setup}">
<meta charset="utf-8">
<title>hover bench: ${name}</title>
<link rel="stylesheet" href="/vendor/video-js.min.css">
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>body { margin: 0; padding: 40px 20px; background: #fff; }</style>
<body>
<script src="/vendor/video.min.js"></script>
${scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
<script src="/hover-page.js"></script>
`;
}

/**
 * Starts the loopback server for the pages; `ours` is our IIFE (support.js `buildIife`).
 * Each of `against` (other builds `{ label, code }`) adds a page `againstN` set up as the element with it.
 */
export function servePages(ours, port, against = []) {
  against.forEach(({ label }, i) => {
    PAGES[`against${i + 1}`] = { label, scripts: [`/against${i + 1}.js`], styles: [], setup: 'element' };
  });
  const js = 'text/javascript';
  const routes = {
    '/vendor/video.min.js': [js, read(join(modules, 'video.js/dist/video.min.js'))],
    '/vendor/video-js.min.css': ['text/css', read(join(modules, 'video.js/dist/video-js.min.css'))],
    '/peer/videojs-sprite-thumbnails.min.js': [js, read(join(modules, 'videojs-sprite-thumbnails/dist/videojs-sprite-thumbnails.min.js'))],
    '/peer/videojs-vtt-thumbnails.min.js': [js, read(join(modules, 'videojs-vtt-thumbnails/dist/videojs-vtt-thumbnails.min.js'))],
    '/peer/videojs-vtt-thumbnails.css': ['text/css', read(join(modules, 'videojs-vtt-thumbnails/dist/videojs-vtt-thumbnails.css'))],
    '/ours.js': [js, ours],
    ...Object.fromEntries(against.map(({ code }, i) => [`/against${i + 1}.js`, [js, code]])),
    '/hover-page.js': [js, read(join(root, 'test/bench/hover-page.js'))],
    '/media/sample.mp4': ['video/mp4', read(join(media, 'sample.mp4'))],
    '/media/imageSprite_10.vtt': ['text/vtt; charset=utf-8', read(join(media, 'imageSprite_10.vtt'))],
    '/media/chapters.vtt': ['text/vtt; charset=utf-8', read(join(media, 'chapters.vtt'))],
  };
  for (const i of [0, 1, 2]) routes[`/media/imageSprite_10_${i}.jpg`] = ['image/jpeg', read(join(media, `imageSprite_10_${i}.jpg`))];
  for (const name of Object.keys(PAGES)) routes[`/${name}.html`] = ['text/html', pageHtml(name)];
  return serve(routes, port);
}
