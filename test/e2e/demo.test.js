// End-to-end: the BUILT demo (dist/demo), served locally, in Debian's Chromium via playwright-core.
// Checks what a visitor sees: the right tile and label under the pointer or finger on each player,
// every sample payload pasted into "Try your own payload", errors in plain words, and the
// script-tag page. Saves docs/demo.png for the README (when the page looks different from it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoDir, ensureDemoBuilt, launchBrowser, root, serveStatic, waitFor } from './harness.js';
import { barInView, checkHover, cueIndexAt, cues, duration, formatTime, previewParts, thumbnailVisible } from './tiles.js';

const artifacts = join(root, 'test/.artifacts');
const payload = (file) => readFileSync(join(root, 'demo/public/payloads', file), 'utf8');
const goodSamples = ['normal.json', 'reliable.json', 'task.json', 'legacy-2.0.json', 'media-info.json', 'procedure.json'];
/** Samples with two sprite definitions (and marks): they load; which definition shows is the element's choice. */
const moreGoodSamples = ['media-info-definitions.json', 'media-info-marks.json'];
/** Console reports of the failure samples: CORS, a 404, a refused connection. */
const expectedFailures = [/CORS policy/, /ERR_FAILED/, /ERR_CONNECTION_REFUSED/, /status of 404/];
/** What each built (not file) sample puts in the payload box. */
const builtSampleText = {
  'VTT without CORS': /"WebVttUrl": "http:\/\/localhost:\d+\//,
  'VTT not found': /"WebVttUrl": "http:\/\/127\.0\.0\.1:\d+\/media\/imageSprite_missing\.vtt"/,
  'Host unreachable': /"WebVttUrl": "http:\/\/127\.0\.0\.1:2\//,
};

let server;
let browser;

before(
  async () => {
    mkdirSync(artifacts, { recursive: true });
    ensureDemoBuilt();
    server = await serveStatic(demoDir);
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page with its console errors and uncaught exceptions collected; `done()` asserts there
 * were none (apart from `allowed` patterns, e.g. the browser's own CORS report).
 */
async function openPage(path, { viewport = { width: 1280, height: 900 }, mobile = false, allowed = [] } = {}) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text()))) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // A generous navigation budget: the machines are shared and a cold page load can take seconds.
  await page.goto(new URL(path, server.origin).href, { waitUntil: 'load', timeout: 30_000 });
  return {
    page,
    problems,
    async done() {
      await context.close();
      assert.deepEqual(problems, [], 'no console errors or uncaught exceptions');
    },
  };
}

/** Waits until the player has its duration and its thumbnails element reports `ready`. */
async function waitReady(page, playerSelector) {
  await waitFor(
    () =>
      page.evaluate((selector) => {
        const player = document.querySelector(selector);
        const video = player?.querySelector('video');
        return video?.duration > 0 && player.querySelector('vod-sprite-thumbnails')?.getAttribute('state') === 'ready';
      }, playerSelector),
    {
      timeout: 15_000,
      message: async () =>
        `${playerSelector} ready (state ${await page
          .evaluate((s) => document.querySelector(`${s} vod-sprite-thumbnails`)?.getAttribute('state') ?? 'no element', playerSelector)
          .catch(() => '?')})`,
    },
  );
}

/** Asserts a hover result: the right tile by its pixels, and where the preview sits. */
function assertTile(result, where) {
  const [own, ...neighbours] = result.diffs;
  const context = `${where} at ${result.time.toFixed(2)} s (cue ${result.index}, diffs ${result.diffs.map((d) => d.toFixed(1)).join(' / ')})`;
  assert.ok(own < 8, `${context}: the tile shown matches the cue's tile in the sheet`);
  for (const other of neighbours) assert.ok(own * 2 < other, `${context}: it matches clearly better than a neighbouring tile`);
  const g = result.geometry;
  assert.ok(g.left >= g.playerLeft - 1 && g.right <= g.playerRight + 1, `${context}: preview inside the player horizontally`);
  const centre = (g.left + g.right) / 2;
  const clamped = g.left <= g.playerLeft + 1 || g.right >= g.playerRight - 1;
  assert.ok(clamped || Math.abs(centre - result.x) <= 2, `${context}: preview centred on the pointer (${centre} vs ${result.x})`);
  assert.ok(g.bottom <= result.y, `${context}: preview above the seek bar`);
}

/** Share of pixels (0–1) that differ clearly between two PNGs of the same size (1 if sizes differ). */
async function differentPictures(page, a, b) {
  return page.evaluate(
    async ([first, second]) => {
      const load = (data) =>
        new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = `data:image/png;base64,${data}`;
        });
      const [x, y] = await Promise.all([load(first), load(second)]);
      if (x.naturalWidth !== y.naturalWidth || x.naturalHeight !== y.naturalHeight) return 1;
      const pixels = (img) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const p = pixels(x);
      const q = pixels(y);
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48) differing++;
      }
      return differing / (p.length / 4);
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

async function hoverAcross(page, playerSelector, fractions, sheetBase) {
  for (const fraction of fractions) assertTile(await checkHover(page, playerSelector, fraction, { sheetBase }), playerSelector);
  // Leaving the bar hides the preview.
  await page.mouse.move(5, 5);
  const { thumbnail } = previewParts(page, playerSelector);
  await waitFor(async () => !(await thumbnailVisible(thumbnail)), { timeout: 3000, message: `${playerSelector} preview hidden after leaving` });
}

describe('demo page', { timeout: 420_000 }, () => {
  test('section 1, custom element: hovering shows the right tile, label and place', async () => {
    const { page, done } = await openPage('/');
    await waitReady(page, '#element-player');
    assert.equal(await page.locator('#element-player vod-sprite-thumbnails').count(), 1, 'exactly one element inside the player');
    await waitFor(async () => (await page.locator('#custom-element [data-state]').textContent()) === 'ready · 225 thumbnails on 3 sheets', {
      message: 'the ready event reported under the player',
    });
    const shown = await page.locator('[data-code="element"] pre code').textContent();
    assert.match(shown, /<vod-sprite-thumbnails\s+for="element-player"\s+event-src="payloads\/normal.json">/, 'the markup shown is the one used');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.locator('[data-code="element"] button.copy').click();
    await waitFor(async () => (await page.locator('[data-code="element"] button.copy').textContent()) === 'Copied ✓', { message: 'copy feedback' });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${shown}\n`, 'Copy puts the markup on the clipboard');
    await hoverAcross(page, '#element-player', [0.03, 0.27, 0.5, 0.74, 0.98], server.origin);
    await done();
  });

  test('section 2, plugin: hovering shows the right tile', async () => {
    const { page, done } = await openPage('/');
    await waitReady(page, '#plugin-player');
    const shown = await page.locator('[data-code="plugin"] pre code').textContent();
    assert.match(shown, /player\.vodSpriteThumbnails\(\{ event \}\);/, 'the plugin call is shown');
    await hoverAcross(page, '#plugin-player', [0.06, 0.41, 0.63, 0.9], server.origin);

    // Keyboard: with the seek bar focused, an arrow key previews the new time.
    const { thumbnail, label } = previewParts(page, '#plugin-player');
    await page.locator('#plugin-player .vjs-progress-holder').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitFor(
      async () => {
        const now = await page.evaluate(() => document.querySelector('#plugin-player video').currentTime);
        return now > 0 && (await thumbnailVisible(thumbnail)) && (await label.first().textContent())?.trim() === formatTime(now);
      },
      { timeout: 5000, message: 'a preview of the time the arrow keys moved to' },
    );
    await done();
  });

  test('section 3: each sample payload, pasted, shows its thumbnails and what was parsed', async () => {
    const { page, done } = await openPage('/');
    const fractions = [0.15, 0.35, 0.55, 0.7, 0.85, 0.95];
    for (const [i, file] of goodSamples.entries()) {
      await page.locator('#payload-input').fill(payload(file));
      await page.locator('#apply').click();
      await waitFor(async () => (await page.locator('#result.ok').count()) === 1, {
        timeout: 10_000,
        message: async () => `${file}: success (result: ${await page.locator('#result').textContent()})`,
      });
      const fact = (name) => page.locator(`#parsed-facts [data-fact="${name}"]`).textContent();
      assert.equal(await fact('file-id'), '5285890784246869380', `${file}: FileId`);
      assert.equal(await fact('definition'), '10', `${file}: Definition`);
      assert.equal(await fact('cues'), String(cues.length), `${file}: cue count`);
      assert.equal(await fact('sheets'), '3', `${file}: sheet count`);
      const gallery = await page.locator('#gallery img').evaluateAll((imgs) =>
        Promise.all(imgs.map((img) => img.decode().then(() => ({ src: img.src, width: img.naturalWidth })))),
      );
      assert.deepEqual(
        gallery.map((img) => img.width),
        [1420, 1420, 1420],
        `${file}: the three sheets shown in the gallery`,
      );
      if (file === 'reliable.json') assert.ok(gallery.every((img) => img.src.includes('sign=')), 'signed sheet URLs kept');
      await waitReady(page, '#try-player');
      assertTile(await checkHover(page, '#try-player', fractions[i], { sheetBase: server.origin }), `#try-player with ${file}`);
      await page.mouse.move(5, 5);
    }
    await done();
  });

  test('section 3: another video URL, then Clear', async () => {
    const { page, done } = await openPage('/');
    await page.locator('#payload-input').fill(payload('task.json'));
    // The same file under another URL is another source: the payload travels with it.
    await page.locator('#video-url').fill(`${server.origin}/media/sample.mp4?copy`);
    await page.locator('#apply').click();
    await waitFor(async () => (await page.locator('#result.ok').count()) === 1, {
      timeout: 10_000,
      message: async () => `success with a video URL (result: ${await page.locator('#result').textContent()})`,
    });
    assert.equal(await page.evaluate(() => document.querySelector('#try-player video').currentSrc), `${server.origin}/media/sample.mp4?copy`);
    await waitReady(page, '#try-player');
    assertTile(await checkHover(page, '#try-player', 0.45, { sheetBase: server.origin }), '#try-player on another video URL');

    await page.locator('#clear').click();
    await waitFor(() => page.evaluate(() => document.querySelector('#try-player vod-sprite-thumbnails').getAttribute('state') === 'empty'), {
      message: 'thumbnails cleared',
    });
    const { bar, thumbnail } = previewParts(page, '#try-player');
    const box = await bar.boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(400);
    assert.equal(await thumbnailVisible(thumbnail), false, 'no preview after Clear');
    await done();
  });

  test('section 3: sample buttons load each sample', async () => {
    // The failure samples make the browser report their failures on the console.
    const { page, done } = await openPage('/', { allowed: expectedFailures });
    const buttons = await page.locator('#sample-buttons button').evaluateAll((all) => all.map((b) => b.dataset.sample));
    for (const file of [...goodSamples, ...moreGoodSamples, 'failed.json', 'wrong-event.json', 'bad-json.txt', ...Object.keys(builtSampleText)]) {
      assert.ok(buttons.includes(file), `a button for ${file}`);
    }
    for (const name of buttons) {
      await page.locator(`#sample-buttons button[data-sample="${name}"]`).click();
      // The button fetches the sample, shows it, then applies it: wait for this sample's text first.
      const expectedText = name.includes('.') ? payload(name) : undefined;
      await waitFor(async () => {
        const value = await page.locator('#payload-input').inputValue();
        return expectedText ? value === expectedText : builtSampleText[name].test(value);
      }, { message: `${name}: its text in the payload box` });
      const failing = ![...goodSamples, ...moreGoodSamples].includes(name);
      await waitFor(async () => (await page.locator(failing ? '#result.error' : '#result.ok').count()) === 1, {
        timeout: 10_000,
        message: async () => `${name}: ${failing ? 'an error' : 'success'} (result: ${await page.locator('#result').textContent()})`,
      });
    }
    await done();
  });

  test('section 3: errors are explained in plain words with their code', async () => {
    const { page, done } = await openPage('/', { allowed: expectedFailures });
    const result = page.locator('#result');
    const apply = async (text) => {
      await page.locator('#payload-input').fill(text);
      await page.locator('#apply').click();
      await waitFor(async () => (await page.locator('#result.error, #result.ok').count()) === 1, { message: 'a result' });
      return (await result.textContent()) ?? '';
    };
    let text = await apply(payload('failed.json'));
    assert.match(text, /sprite task failed/i);
    assert.match(text, /task-failed/);
    assert.match(text, /70000/, 'the ErrCode');
    assert.match(text, /could not be decoded/, "Tencent's Message");

    text = await apply(payload('bad-json.txt'));
    assert.match(text, /not valid JSON/);
    assert.match(text, /bad-json/);
    assert.match(text, /position|line|column/i, 'where the JSON breaks');

    text = await apply(payload('wrong-event.json'));
    assert.match(text, /not an image-sprite event/);
    assert.match(text, /not-sprite-event/);
    assert.match(text, /NewFileUpload/, 'which event type it was');

    // Payload text never becomes markup.
    text = await apply('{"EventType": "<img src=x onerror=window.__injected=1>"}');
    assert.match(text, /<img src=x onerror/, 'shown as text');
    assert.equal(await page.locator('#result img, #parsed img[src="x"]').count(), 0);
    assert.equal(await page.evaluate(() => 'window.__injected' in window || '__injected' in window), false);

    // The VTT on a host that sends no CORS headers.
    await page.locator('#sample-buttons button[data-sample="VTT without CORS"]').click();
    await waitFor(async () => (await page.locator('#payload-input').inputValue()).includes('localhost:'), { message: 'the CORS sample' });
    await waitFor(async () => (await page.locator('#result.error').count()) === 1, { message: 'the CORS error' });
    text = (await result.textContent()) ?? '';
    assert.match(text, /thumbnail VTT could not be loaded/);
    assert.match(text, /answers, but without an Access-Control-Allow-Origin header/, 'CORS advice for a host that answers');
    assert.match(text, /stage vtt/);
    assert.ok(
      server.requests.some((r) => r.host.startsWith('localhost') && r.url.includes('imageSprite_10.vtt')),
      'the VTT was requested from the other origin',
    );

    // A missing file and a host that refuses connections get advice of their own, not CORS advice.
    const failure = async (sample) => {
      await page.locator(`#sample-buttons button[data-sample="${sample}"]`).click();
      await waitFor(async () => builtSampleText[sample].test(await page.locator('#payload-input').inputValue()), { message: sample });
      await waitFor(async () => (await page.locator('#result.error').count()) === 1 && !/Loading/.test(await result.textContent()), { message: `${sample}: the error` });
      return (await result.textContent()) ?? '';
    };
    text = await failure('VTT not found');
    assert.match(text, /HTTP 404/);
    assert.match(text, /there is no file at that address/);
    assert.doesNotMatch(text, /Access-Control/);
    text = await failure('Host unreachable');
    assert.match(text, /Could not connect to 127\.0\.0\.1:2/);
    assert.doesNotMatch(text, /Access-Control/);

    // With the grid fallback on, the same payload shows the right tiles without the VTT.
    await page.locator('#grid-fallback').check();
    await page.locator('#sample-buttons button[data-sample="VTT without CORS"]').click();
    await waitFor(async () => (await page.locator('#payload-input').inputValue()).includes('localhost:'), { message: 'the CORS sample again' });
    await waitFor(async () => (await page.locator('#result.ok').count()) === 1, {
      timeout: 10_000,
      message: async () => `the grid fallback (result: ${await result.textContent()})`,
    });
    await waitReady(page, '#try-player');
    assertTile(await checkHover(page, '#try-player', 0.33, { sheetBase: server.origin }), '#try-player with the grid fallback');
    await page.mouse.move(5, 5);
    await page.locator('#grid-fallback').uncheck();

    // The player recovers with a good payload.
    text = await apply(payload('normal.json'));
    assert.match(text, /Thumbnails ready/);
    await waitReady(page, '#try-player');
    assertTile(await checkHover(page, '#try-player', 0.6, { sheetBase: server.origin }), '#try-player after errors');
    await done();
  });

  test('section 3: the result follows later events — ready, then a sheet that fails', async () => {
    const { page, done } = await openPage('/', { allowed: [/status of 404/] });
    // The normal callback with its second sheet in a folder that does not exist (same file name,
    // so the VTT's bare refs still pick it).
    const event = JSON.parse(payload('normal.json'));
    const sheets = event.CreateImageSpriteCompleteEvent.ImageSpriteUrlSet;
    sheets[1] = sheets[1].replace('../media/', '../media/missing/');
    await page.locator('#payload-input').fill(JSON.stringify(event));
    await page.locator('#apply').click();
    await waitFor(async () => (await page.locator('#result.ok').count()) === 1, { message: 'ready first' });
    await waitReady(page, '#try-player');
    // Hovering sheet 0 loads it and its neighbour, sheet 1, which fails.
    const { bar } = previewParts(page, '#try-player');
    const box = await barInView(page, bar);
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 4 });
    await waitFor(async () => (await page.locator('#result.error').count()) === 1, {
      timeout: 10_000,
      message: async () => `the sheet's error in the result (result: ${await page.locator('#result').textContent()})`,
    });
    const text = (await page.locator('#result').textContent()) ?? '';
    assert.match(text, /A sprite sheet could not be loaded/);
    assert.match(text, /stage image/);
    assert.equal(await page.locator('#parsed').isVisible(), true, 'what was parsed stays: the VTT was fine');
    await page.mouse.move(5, 5);
    await done();
  });

  test('section 4: marks, chapters and two definitions load; the width switch and the readout', async () => {
    const { page, done } = await openPage('/');
    await waitReady(page, '#marks-player');
    const element = page.locator('#marks-player vod-sprite-thumbnails');
    assert.equal(await element.getAttribute('event-src'), 'payloads/media-info-marks.json');
    assert.equal(await element.getAttribute('chapters-src'), 'media/chapters.vtt');
    assert.match(await page.locator('#marks [data-state]').textContent(), /^ready/);
    assert.match(await page.locator('#definition-readout').textContent(), /devicePixelRatio 1\b/);
    // At 1x, the 142-px tiles are sharp enough: the definition-10 sheet's tile shows.
    assertTile(await checkHover(page, '#marks-player', 0.37, { sheetBase: server.origin }), '#marks-player');
    await page.mouse.move(5, 5);
    await page.locator('#marks .dpr-switch [data-width="284"]').click();
    assert.equal(await element.getAttribute('width'), '284');
    await page.locator('#marks .dpr-switch [data-width=""]').click();
    assert.equal(await element.getAttribute('width'), null);
    const shown = await page.locator('[data-code="marks"] code').textContent();
    assert.match(shown, /chapters-src="media\/chapters\.vtt"/, 'the markup shown is the one used');
    await done();
  });

  test('phone width: the layout fits and a finger drag on the seek bar shows the tile', async () => {
    const { page, done } = await openPage('/', { viewport: { width: 390, height: 844 }, mobile: true });
    await waitReady(page, '#element-player');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow} px)`);
    await page.locator('#element-player').scrollIntoViewIfNeeded();
    const { bar, thumbnail, label } = previewParts(page, '#element-player');
    const box = await bar.boundingBox();
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.2);
    for (const f of [0.3, 0.45, 0.6]) await touch('touchMove', box.x + box.width * f);
    const time = 0.6 * duration;
    const expected = formatTime(time);
    await waitFor(async () => (await thumbnailVisible(thumbnail)) && (await label.first().textContent())?.trim() === expected, {
      timeout: 5000,
      message: async () => `preview during the drag labelled ${expected} (label ${await label.first().textContent().catch(() => '?')})`,
    });
    assert.ok(cueIndexAt(time) > 0);
    await page.screenshot({ path: join(artifacts, 'demo-phone-touch.png') });
    await touch('touchEnd');
    await waitFor(async () => !(await thumbnailVisible(thumbnail)), { timeout: 3000, message: 'preview hidden after the finger lifts' });
    await page.screenshot({ path: join(artifacts, 'demo-phone.png'), fullPage: true });
    await done();
  });

  test('docs/demo.png: the demo with a thumbnail showing', async () => {
    // The header and section 1 in one picture.
    const { page, done } = await openPage('/', { viewport: { width: 1280, height: 940 } });
    await waitReady(page, '#element-player');
    const result = await checkHover(page, '#element-player', 0.42, { sheetBase: server.origin });
    assertTile(result, 'screenshot');
    const shot = await page.screenshot({ path: join(artifacts, 'demo.png') });
    // Rewrite the committed picture only when the page really looks different (a moved pixel
    // row or a re-encoded PNG is no reason to dirty the work tree on every run).
    const target = join(root, 'docs/demo.png');
    const changed = !existsSync(target) || (await differentPictures(page, readFileSync(target), shot)) > 0.01;
    if (changed) {
      mkdirSync(join(root, 'docs'), { recursive: true });
      writeFileSync(target, shot);
    }
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(artifacts, 'demo-desktop.png'), fullPage: true });
    await done();
  });
});

describe('script-tag page', { timeout: 60_000 }, () => {
  test('served by `npm start` (Vite dev server), its code listing shows only the page’s own tags', async () => {
    const { createServer } = await import('vite');
    const dev = await createServer({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, strictPort: false, hmr: false } });
    await dev.listen();
    try {
      const page = await browser.newPage();
      await page.goto(`${dev.resolvedUrls.local[0]}script-tag.html`);
      const source = await waitFor(async () => (await page.locator('#source').textContent()) || '', { timeout: 20_000, message: 'the code listing' });
      const scripts = await page.evaluate(() => [...document.querySelectorAll('head script[src]')].map((s) => s.getAttribute('src')));
      await page.close();
      assert.ok(scripts.includes('/@vite/client'), 'the dev server adds its client (what the listing must leave out)');
      assert.doesNotMatch(source, /@vite/);
      assert.match(source, /<script src="vendor\/video\.min\.js"><\/script>\n<script src="lib\/vod-sprite-thumbnails\.iife\.js"><\/script>/);
    } finally {
      await dev.close();
    }
  });

  test('the IIFE build with video.js from a plain script tag shows the right tiles', async () => {
    const { page, done } = await openPage('/script-tag.html');
    const setup = await page.evaluate(() => ({
      modules: document.querySelectorAll('script[type="module"]').length,
      scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
      videojs: typeof window.videojs,
      exports: Object.keys(window.VodSpriteThumbnails ?? {}),
    }));
    assert.equal(setup.modules, 0, 'no module scripts');
    assert.deepEqual(setup.scripts, ['vendor/video.min.js', 'lib/vod-sprite-thumbnails.iife.js']);
    assert.equal(setup.videojs, 'function');
    for (const name of ['VodSpriteThumbnails', 'parseSpriteEvent', 'parseThumbnailVtt', 'SpriteEventError', 'ThumbnailVttError']) {
      assert.ok(setup.exports.includes(name), `window.VodSpriteThumbnails.${name}`);
    }
    await waitReady(page, '#player');
    await waitFor(async () => /Ready/.test((await page.locator('#status').textContent()) ?? ''), { message: 'the status line' });
    assert.match(await page.locator('#source').textContent(), /player\.vodSpriteThumbnails\(\{/);
    await hoverAcross(page, '#player', [0.12, 0.58, 0.93], server.origin);
    await page.screenshot({ path: join(artifacts, 'script-tag.png'), fullPage: true });
    await done();
  });
});
