// The published package, from the tarball `npm pack` makes: what ships, publint and
// @arethetypeswrong/cli on the tarball, then consumers that install it offline and use it —
// a Vite app (run in Chromium), tsc --strict under three resolutions, plain Node, the IIFE page.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, serveStatic, waitFor } from '../e2e/harness.js';
import { cdnPage, consumerFiles } from './consumer-files.js';
import { buildStage, consumer, dryRun, node, nodeAsync, pack, remove, root } from './pack.js';

/** The tarball may not grow past this (gzipped bytes); on 2 December 2026 it was about 100 kB. */
const MAX_TARBALL_BYTES = 130_000;
const MAX_UNPACKED_BYTES = 520_000;
const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^custom-elements\.json$/, /^dist\/(?!demo\/)[\w@./-]+\.js$/, /^dist\/types\/[\w./-]+\.d\.ts$/];
const bin = (name, file) => join(root, 'node_modules', name, file);

let stage;
let tarball;
let app;

/** Seconds since `from`, for the log: the whole package test should stay around a minute. */
const since = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

let packed;

before(async () => {
  let start = Date.now();
  stage = await buildStage();
  console.log(`built the stage in ${since(start)}`);
  start = Date.now();
  packed = dryRun(stage);
  ({ tarball } = pack(stage));
  app = consumer('app', tarball, consumerFiles);
  console.log(`packed and installed into a consumer in ${since(start)}`);
});
after(() => {
  if (!process.env.KEEP_PACKAGE_TEST) for (const dir of [stage, app]) remove(dir);
});

describe('the tarball', () => {
  test('holds the library only (no demo, media or source maps) and stays under its size bound', () => {
    const info = packed;
    const paths = info.files.map((file) => file.path);
    console.log(`tarball ${info.filename}: ${info.size} bytes gzipped, ${info.unpackedSize} unpacked, ${info.entryCount} files`);
    const stray = paths.filter((path) => !allowed.some((pattern) => pattern.test(path)));
    assert.deepEqual(stray, [], 'files outside the library');
    assert.deepEqual(paths.filter((path) => /demo|\.map$|\.(mp4|jpe?g|png|vtt)$/.test(path)), []);
    // The stage holds a built demo, so leaving it out is the files list's doing.
    assert.ok(statSync(join(stage, 'dist/demo/index.html')).isFile());
    for (const path of ['README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json', 'dist/vod-sprite-thumbnails.iife.js', 'dist/define.js', 'dist/parse/index.js']) {
      assert.ok(paths.includes(path), `${path} ships`);
    }
    assert.ok(info.size <= MAX_TARBALL_BYTES, `tarball ${info.size} B > ${MAX_TARBALL_BYTES} B`);
    assert.ok(info.unpackedSize <= MAX_UNPACKED_BYTES, `unpacked ${info.unpackedSize} B > ${MAX_UNPACKED_BYTES} B`);
  });

  test('every export, sideEffects entry and CDN field names a shipped file', () => {
    const pkg = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
    const shipped = new Set(packed.files.map((file) => `./${file.path}`));
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const path of [...targets, pkg.main, pkg.types, pkg.unpkg, pkg.jsdelivr]) assert.ok(shipped.has(path), `${path} is in the tarball`);
    assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'import', 'default'], 'types first');
    // The main entry must be listed too: a bare `import 'vod-sprite-thumbnails'` of an entry marked
    // side-effect free is dropped whole by the bundler, define.js with it (no element, no plugin).
    assert.deepEqual(pkg.sideEffects.filter((path) => path.startsWith('./dist/')).sort(), ['./dist/define.js', './dist/vod-sprite-thumbnails.iife.js', './dist/vod-sprite-thumbnails.js']);
    assert.equal(pkg.engines.node, '^20.19.0 || >=22.12.0');
  });

  test('custom-elements.json describes the shipped files, without private members', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/vod-sprite-thumbnails/custom-elements.json'), 'utf8'));
    const installed = join(app, 'node_modules/vod-sprite-thumbnails');
    for (const mod of manifest.modules) {
      assert.ok(statSync(join(installed, mod.path)).isFile(), `${mod.path} exists in the package`);
      for (const entry of mod.exports ?? []) if (entry.declaration?.module) assert.ok(statSync(join(installed, entry.declaration.module)).isFile(), entry.declaration.module);
    }
    const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
    const element = declarations.find((declaration) => declaration.tagName === 'vod-sprite-thumbnails');
    assert.ok(element, 'the element is described');
    assert.equal(manifest.modules.find((mod) => mod.declarations?.includes(element)).path, 'dist/element/element.js');
    const privates = declarations.flatMap((declaration) => (declaration.members ?? []).filter((member) => member.privacy === 'private' || member.name.startsWith('#')));
    assert.deepEqual(privates.map((member) => member.name), []);
    for (const name of ['event', 'eventSrc', 'load', 'clear', 'state']) assert.ok(element.members.some((member) => member.name === name), name);
    for (const name of ['for', 'event-src', 'show-time']) assert.ok(element.attributes.some((attribute) => attribute.name === name), name);
  });

  test('publint finds nothing (strict)', () => {
    const out = node([bin('publint', 'src/cli.js'), 'run', tarball, '--strict', '--level', 'suggestion']);
    assert.match(out, /All good!/, out);
  });

  test('@arethetypeswrong/cli: every entry resolves with types (ESM-only profile; ./iife is a script-tag file)', () => {
    // Exits non-zero on any problem; its table goes into the failure message.
    node([bin('@arethetypeswrong/cli', 'dist/index.js'), tarball, '--profile', 'esm-only', '--exclude-entrypoints', './iife', '--no-definitely-typed', '--format', 'table', '--no-color', '--no-emoji']);
  });
});

describe('consumers of the installed tarball', () => {
  const typeCheck = (resolutions) =>
    Promise.all(
      resolutions.map((resolution) =>
        nodeAsync([bin('typescript', 'bin/tsc'), '-p', join(app, `tsconfig.${resolution}.json`)], { cwd: app }).then(
          () => undefined,
          (error) => `${resolution}: ${error.message}`,
        ),
      ),
    ).then((failures) => failures.filter(Boolean));

  test('tsc --strict, bundler resolution: the plugin on Player, the element, its events and /parse type-check', async () => {
    assert.deepEqual(await typeCheck(['bundler']), []);
  });

  // Needs the emitted .d.ts to reach video.js's types as 'video.js/dist/types/player.js' (with the
  // extension, through import() types): a default import of video.js's CommonJS-format .d.ts is
  // typed as the module object under node16.
  test('tsc --strict, node16 and nodenext resolution: the same consumer type-checks', async () => {
    assert.deepEqual(await typeCheck(['node16', 'nodenext']), []);
  });

  // React's and Vue's own types are not among the repo's dev dependencies yet: the check runs
  // once they are (`npm i -D @types/react@19 vue@3`), and is reported as skipped until then.
  const missing = ['@types/react', 'vue'].filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
  test('tsc --strict: the React 19 JSX and Vue GlobalComponents typings', { skip: missing.length ? `not installed: ${missing.join(', ')}` : false }, () => {
    node([bin('typescript', 'bin/tsc'), '-p', join(app, 'tsconfig.frameworks.json')], { cwd: app });
  });

  test('plain Node imports /parse (nothing but its own files) and parses Tencent’s sample', () => {
    const sample = join(root, 'test/fixtures/tencent/normal-callback-3.0.json');
    const result = JSON.parse(node([join(app, 'node/parse.mjs'), sample], { cwd: app }));
    const expected = JSON.parse(readFileSync(sample, 'utf8')).CreateImageSpriteCompleteEvent;
    assert.deepEqual(result, {
      definition: expected.Definition,
      sheets: expected.ImageSpriteUrlSet.length,
      vttUrl: expected.WebVttUrl,
      // A bare ref names the entry of ImageSpriteUrlSet with that file name.
      cue: expected.ImageSpriteUrlSet.find((url) => url.endsWith('/1.png')),
      code: 'not-sprite-event',
    });
    // The subpath's import graph stays inside dist/parse: no lit, no video.js, no DOM module.
    const dir = join(app, 'node_modules/vod-sprite-thumbnails/dist/parse');
    for (const file of readdirSync(dir)) {
      const specifiers = [...readFileSync(join(dir, file), 'utf8').matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
      assert.deepEqual(specifiers.filter((specifier) => !/^\.\/[\w-]+\.js$/.test(specifier)), [], `${file} imports only its siblings`);
    }
  });

  test('the README’s server snippet runs in plain Node', () => {
    const sample = join(root, 'test/fixtures/tencent/normal-callback-3.0.json');
    const sprite = JSON.parse(node([join(app, 'node/readme-ssr.mjs'), sample], { cwd: app }));
    assert.equal(sprite.vttUrl, JSON.parse(readFileSync(sample, 'utf8')).CreateImageSpriteCompleteEvent.WebVttUrl);
  });

  test('plain Node (SSR) imports the main entry without a DOM and without throwing', () => {
    const result = JSON.parse(node([join(app, 'node/ssr.mjs')], { cwd: app }));
    assert.equal(result.element, 'function');
    assert.ok(result.exports.includes('parseSpriteEvent') && result.exports.includes('VodSpriteThumbnailsPlugin'), result.exports.join());
  });

  describe('in Chromium', () => {
    let browser;
    let server;
    let builds;
    before(async () => {
      const start = Date.now();
      const { build } = await import('vite');
      builds = {};
      for (const name of ['parse-app', 'player-app']) {
        const outDir = join(app, `${name}-dist`);
        await build({ root: join(app, name), logLevel: 'error', configFile: false, base: './', build: { outDir, emptyOutDir: true } });
        builds[name] = outDir;
      }
      // One static site: both app builds, the IIFE page with its script files, the demo's media.
      const site = join(app, 'site');
      mkdirSync(site);
      cpSync(builds['parse-app'], join(site, 'parse'), { recursive: true });
      cpSync(builds['player-app'], join(site, 'player'), { recursive: true });
      cpSync(join(app, 'iife'), join(site, 'iife'), { recursive: true });
      cpSync(join(app, 'node_modules/vod-sprite-thumbnails/dist/vod-sprite-thumbnails.iife.js'), join(site, 'iife/vod-sprite-thumbnails.iife.js'));
      for (const file of ['video.min.js', 'video-js.min.css']) cpSync(bin('video.js', `dist/${file}`), join(site, 'iife', file));
      // The README's URL for the payload: the demo's normal callback, its media beside it.
      symlinkSync(join(root, 'demo/public/media'), join(site, 'media'));
      mkdirSync(join(site, 'api'));
      cpSync(join(root, 'demo/public/payloads/normal.json'), join(site, 'api/sprite-event.json'));
      server = await serveStatic(site);
      browser = await launchBrowser();
      console.log(`built the two Vite apps and started Chromium in ${since(start)}`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a page; `check` runs in it until it returns something truthy. */
    const open = async (path, check, arg) => {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.origin}${path}`);
      const result = await waitFor(() => page.evaluate(check, arg), { timeout: 15_000, message: `the page ${path}` });
      const defined = await page.evaluate(() => Boolean(customElements.get('vod-sprite-thumbnails')));
      await page.close();
      return { result, defined, problems };
    };
    /** The states of the players' elements, once every one has left `loading`. */
    const settledStates = (ids) => {
      const states = ids.map((id) => document.querySelector(`#${id} vod-sprite-thumbnails`)?.getAttribute('state'));
      return states.every((state) => state === 'ready' || state === 'error') && states.join(' ');
    };

    test('a Vite app importing parseSpriteEvent from /parse ships neither lit, video.js nor the element, and works', async () => {
      const js = readdirSync(join(builds['parse-app'], 'assets')).filter((file) => file.endsWith('.js'));
      const code = js.map((file) => readFileSync(join(builds['parse-app'], 'assets', file), 'utf8')).join('\n');
      console.log(`parse-only app: ${js.length} JS file(s), ${Buffer.byteLength(code)} bytes minified`);
      for (const marker of ['customElements', 'registerPlugin', 'attachShadow', 'lit-html', 'videojs', 'HTMLElement']) assert.ok(!code.includes(marker), `ships ${marker}`);
      assert.ok(Buffer.byteLength(code) < 20_000, `${Buffer.byteLength(code)} bytes`);
      const tencent = JSON.parse(readFileSync(join(root, 'test/fixtures/tencent/normal-callback-3.0.json'), 'utf8')).CreateImageSpriteCompleteEvent;
      const { result, defined, problems } = await open('/parse/', () => document.getElementById('out').textContent);
      assert.deepEqual(problems, []);
      assert.equal(result, `${tencent.Definition} ${tencent.ImageSpriteUrlSet.length} ${tencent.WebVttUrl}`);
      assert.equal(defined, false, 'the element is not defined by a parse-only import');
    });

    test('a Vite app with the README’s `plugins` option and `data-setup` players: both show the sample’s thumbnails', async () => {
      const { result, defined, problems } = await open('/player/', settledStates, ['player', 'movie']);
      assert.deepEqual(problems, []);
      assert.equal(defined, true);
      assert.equal(result, 'ready ready');
    });

    test('the README’s CDN snippet (pinned to this version), served locally: element defined, thumbnails ready', async () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const videojsVersion = JSON.parse(readFileSync(bin('video.js', 'package.json'), 'utf8')).version;
      assert.deepEqual(
        cdnPage().pins.map(({ name, version }) => `${name}@${version}`),
        [`video.js@${videojsVersion}`, `video.js@${videojsVersion}`, `${pkg.name}@${pkg.version}`],
      );
      const { result, defined, problems } = await open('/iife/', settledStates, ['player']);
      assert.deepEqual(problems, []);
      assert.equal(defined, true);
      assert.equal(result, 'ready');
    });
  });
});
