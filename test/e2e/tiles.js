// What a user sees when hovering the seek bar: which tile, which label. Expectations come from
// the demo's own VTT (read here independently of the package) and video.js's time format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, waitFor } from './harness.js';

const vttText = readFileSync(join(root, 'demo/public/media/imageSprite_10.vtt'), 'utf8');

/** The demo VTT's cues: `{ start, end, file, x, y, w, h }` (Tencent format, one ref per cue). */
export const cues = [...vttText.matchAll(/(\d+):(\d+):(\d+\.\d+) --> (\d+):(\d+):(\d+\.\d+)\r?\n([^#\s]+)#xywh=(\d+),(\d+),(\d+),(\d+)/g)].map(
  (m) => ({
    start: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
    end: Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]),
    file: m[7],
    x: Number(m[8]),
    y: Number(m[9]),
    w: Number(m[10]),
    h: Number(m[11]),
  }),
);
export const duration = 180;

export function cueIndexAt(time) {
  let index = 0;
  for (let i = 0; i < cues.length; i++) if (cues[i].start <= time) index = i;
  return index;
}

/** video.js's `formatTime(seconds, guide)` for the label (same rules as videojs.time.formatTime). */
export function formatTime(seconds, guide = duration) {
  const value = Math.max(0, seconds);
  const s = Math.floor(value % 60);
  const m = Math.floor((value / 60) % 60);
  const h = Math.floor(value / 3600);
  const gm = Math.floor((guide / 60) % 60);
  const gh = Math.floor(guide / 3600);
  const hours = h > 0 || gh > 0 ? `${h}:` : '';
  const minutes = (hours || gm >= 10) && m < 10 ? `0${m}` : `${m}`;
  return `${hours}${minutes}:${s < 10 ? `0${s}` : s}`;
}

/**
 * Picks a pixel column near `fraction` of the seek bar whose time is well inside both a cue and
 * a whole second, so sub-pixel rounding cannot change the expected tile or label.
 */
function pickPoint(bar, fraction) {
  const base = Math.round(bar.x + fraction * bar.width);
  for (let offset = 0; offset < 12; offset++) {
    for (const x of [base + offset, base - offset]) {
      const f = (x - bar.x) / bar.width;
      if (f <= 0 || f >= 1) continue;
      const time = f * duration;
      const index = cueIndexAt(time);
      const intoCue = time - cues[index].start;
      const intoSecond = time % 1;
      if (intoCue > 0.15 && cues[index].end - time > 0.15 && intoSecond > 0.15 && intoSecond < 0.85) return { x, time, index };
    }
  }
  throw new Error(`no safe point near ${fraction}`);
}

/** Locators of a player's seek bar and of the preview inside it (Playwright CSS pierces shadow roots). */
export function previewParts(page, playerSelector) {
  return {
    bar: page.locator(`${playerSelector} .vjs-progress-holder`),
    host: page.locator(`${playerSelector} vod-sprite-thumbnails`),
    thumbnail: page.locator(`${playerSelector} vod-sprite-thumbnails [part~="thumbnail"]`),
    label: page.locator(`${playerSelector} vod-sprite-thumbnails [part~="time"]`),
  };
}

/** Is the preview's tile box visible (laid out, not hidden by display/visibility/opacity)? */
export async function thumbnailVisible(thumbnail) {
  if ((await thumbnail.count()) === 0) return false;
  return thumbnail.first().evaluate((el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  });
}

/**
 * Compares the pixels of the displayed tile (a screenshot of the tile box's content area) with
 * the expected tile and its neighbours drawn from the sheet itself. Returns the mean absolute
 * difference (0–255) for each candidate cue index, the best over small shifts (borders, rounding).
 */
async function tileDifferences(page, thumbnail, indices, sheetBase) {
  const clip = await thumbnail.first().evaluate((el) => {
    const rect = el.getBoundingClientRect();
    return { x: rect.left + el.clientLeft, y: rect.top + el.clientTop, width: el.clientWidth, height: el.clientHeight };
  });
  const png = await page.screenshot({ clip, animations: 'disabled' });
  const candidates = indices.map((i) => ({ ...cues[i], url: new URL(`media/${cues[i].file}`, sheetBase).href }));
  return page.evaluate(
    async ({ shot, candidates }) => {
      const load = (src) =>
        new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error(`cannot load ${src.slice(0, 80)}`));
          img.src = src;
        });
      const shotImage = await load(`data:image/png;base64,${shot}`);
      const W = shotImage.naturalWidth;
      const H = shotImage.naturalHeight;
      const pixels = (draw) => {
        const canvas = document.createElement('canvas');
        canvas.width = W;
        canvas.height = H;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        draw(ctx);
        return ctx.getImageData(0, 0, W, H).data;
      };
      const actual = pixels((ctx) => ctx.drawImage(shotImage, 0, 0));
      // The frame's big time digits sit in the upper middle; the label may cover the bottom.
      const x0 = Math.round(W * 0.08);
      const x1 = Math.round(W * 0.92);
      const y0 = Math.round(H * 0.15);
      const y1 = Math.round(H * 0.65);
      const shift = Math.max(2, Math.round(W / 70));
      const results = [];
      for (const c of candidates) {
        const sheet = await load(c.url);
        const expected = pixels((ctx) => {
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(sheet, c.x, c.y, c.w, c.h, 0, 0, W, H);
        });
        let best = Number.POSITIVE_INFINITY;
        for (let dy = -shift; dy <= shift; dy++) {
          for (let dx = -shift; dx <= shift; dx++) {
            let sum = 0;
            let n = 0;
            for (let y = y0; y < y1; y++) {
              for (let x = x0; x < x1; x++) {
                const a = (y * W + x) * 4;
                const b = ((y + dy) * W + (x + dx)) * 4;
                sum += Math.abs(actual[a] - expected[b]) + Math.abs(actual[a + 1] - expected[b + 1]) + Math.abs(actual[a + 2] - expected[b + 2]);
                n += 3;
              }
            }
            best = Math.min(best, sum / n);
          }
        }
        results.push(best);
      }
      return { width: W, height: H, diffs: results };
    },
    { shot: png.toString('base64'), candidates },
  );
}

/**
 * Scrolls the seek bar into view with room above it for the preview (scrolling alone may leave
 * the bar at the top of the viewport), and returns its box.
 */
export async function barInView(page, bar, room = 260) {
  await bar.scrollIntoViewIfNeeded();
  const top = (await bar.boundingBox())?.y ?? room;
  if (top < room) {
    await page.evaluate((by) => window.scrollBy(0, by), top - room);
    await page.waitForTimeout(50);
  }
  return bar.boundingBox();
}

/**
 * Hovers the seek bar of `playerSelector` at `fraction` and checks what a user sees: the preview
 * appears, inside the player and centred on the pointer unless clamped; the label reads the
 * hovered time as video.js formats it; the tile's pixels are that time's tile, not a neighbour's.
 */
export async function checkHover(page, playerSelector, fraction, { sheetBase }) {
  const { bar, thumbnail, label } = previewParts(page, playerSelector);
  const box = await barInView(page, bar);
  if (!box) throw new Error(`${playerSelector}: no seek bar`);
  const point = pickPoint(box, fraction);
  const y = Math.round(box.y + box.height / 2);
  await page.mouse.move(point.x - 3, y);
  await page.mouse.move(point.x, y, { steps: 2 });
  const expectedLabel = formatTime(point.time);
  await waitFor(async () => (await thumbnailVisible(thumbnail)) && (await label.first().textContent({ timeout: 500 }))?.trim() === expectedLabel, {
    timeout: 5000,
    message: async () =>
      `${playerSelector}: preview at ${point.time.toFixed(2)} s labelled ${expectedLabel} (label now ${JSON.stringify(
        await label.first().textContent({ timeout: 500 }).catch(() => null),
      )}, visible ${await thumbnailVisible(thumbnail).catch(() => '?')}, element state ${await page
        .locator(`${playerSelector} vod-sprite-thumbnails`)
        .first()
        .getAttribute('state', { timeout: 500 })
        .catch(() => '?')})`,
  });
  // Let a fade-in finish before reading pixels.
  await page.waitForTimeout(250);

  const geometry = await thumbnail.first().evaluate((el, selector) => {
    const player = document.querySelector(selector).getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, playerLeft: player.left, playerRight: player.right, playerTop: player.top };
  }, playerSelector);
  const neighbours = [point.index - 1, point.index + 1].filter((i) => i >= 0 && i < cues.length);
  const { diffs, width, height } = await tileDifferences(page, thumbnail, [point.index, ...neighbours], sheetBase);
  return { ...point, y, expectedLabel, geometry, diffs, width, height };
}
