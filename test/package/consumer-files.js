// The files of the throw-away consumer project that the package test installs the tarball into:
// what a user of the published package would write (and what the README shows).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './pack.js';
import { snippet } from './readme-snippets.js';

const tencentNormal = readFileSync(join(root, 'test/fixtures/tencent/normal-callback-3.0.json'), 'utf8');

/** A Vite app that imports only a parse function (from the pure subpath): it must ship only that. */
const parseApp = {
  'parse-app/index.html': `<!doctype html><html lang="en"><body><output id="out"></output><script type="module" src="./main.js"></script></body></html>\n`,
  'parse-app/main.js': `import { parseSpriteEvent } from 'vod-sprite-thumbnails/parse';
const [info] = parseSpriteEvent(${JSON.stringify(tencentNormal)});
document.getElementById('out').textContent = \`\${info.definition} \${info.imageUrls.length} \${info.vttUrl}\`;
`,
};

/** A Vite app with two players: the README's `plugins` option and `data-setup` snippets. */
const playerApp = {
  'player-app/index.html': `<!doctype html><html lang="en"><body>
<video id="player" class="video-js" controls muted preload="none" width="640" height="360"></video>
${snippet('data-setup')}<script type="module" src="./main.js"></script></body></html>\n`,
  'player-app/main.js': snippet('plugin-options'),
};

/** The README's CDN snippet, with the CDN's URLs pointing at local copies of the same files. */
export function cdnPage() {
  const html = snippet('cdn');
  const pins = [...html.matchAll(/cdn\.jsdelivr\.net\/npm\/([\w.-]+)@([\d.]+)\/dist\/([\w.-]+)/g)].map(([, name, version, file]) => ({ name, version, file }));
  const local = html.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/[\w.-]+@[\d.]+\/dist\//g, '');
  return { pins, html: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>\n${local}</body></html>\n` };
}

/** Plain Node: the pure subpath parses Tencent's own sample; the main entry imports without a DOM. */
const nodeScripts = {
  'node/parse.mjs': `import { parseSpriteEvent, parseThumbnailVtt, SpriteEventError } from 'vod-sprite-thumbnails/parse';
import { readFileSync } from 'node:fs';
const [info] = parseSpriteEvent(readFileSync(process.argv[2], 'utf8'));
const track = parseThumbnailVtt('WEBVTT\\n\\n00:00.000 --> 00:10.000\\n1.png#xywh=0,0,142,80\\n', { vttUrl: info.vttUrl, imageUrls: info.imageUrls });
let code;
try { parseSpriteEvent('{"EventType":"NewFileUpload"}'); } catch (error) { code = error instanceof SpriteEventError && error.code; }
console.log(JSON.stringify({ definition: info.definition, sheets: info.imageUrls.length, vttUrl: info.vttUrl, cue: track.at(5).url, code }));
`,
  'node/readme-ssr.mjs': `import { readFileSync } from 'node:fs';
const callbackBody = readFileSync(process.argv[2], 'utf8');
${snippet('ssr')}
console.log(JSON.stringify(sprite));
`,
  'node/ssr.mjs': `const entry = await import('vod-sprite-thumbnails');
console.log(JSON.stringify({ exports: Object.keys(entry).sort(), element: typeof entry.VodSpriteThumbnails }));
`,
};

/** tsc --strict consumers: bundler, node16 and nodenext resolution over the same sources. */
const typeCheck = {
  'types/app.ts': `// What the README's TypeScript snippets rely on, under strict.
import { parseSpriteEvent, type SpriteInfo, type VodSpriteThumbnails, type VodSpriteThumbnailsPlugin } from 'vod-sprite-thumbnails';
import { parseThumbnailVtt, SpriteEventError } from 'vod-sprite-thumbnails/parse';

// video.js's own .d.ts files are CommonJS-format, so under node16 its default import is typed as
// the module object; the Player type itself works everywhere through an import() type.
type Player = import('video.js/dist/types/player.js').default;
declare const player: Player;

// README: update() and currentOptions
${snippet('update')}const widthGiven: number | null | undefined = width;

const plugin: VodSpriteThumbnailsPlugin = player.vodSpriteThumbnails({ eventSrc: '/api/sprite-event.json', preload: 'hover', width: 160 });
plugin.load({ EventType: 'CreateImageSpriteComplete' });
plugin.update({ showTime: false });
const given: string | null | undefined = plugin.currentOptions.eventSrc;
plugin.clear();
const element: VodSpriteThumbnails = plugin.element;
// @ts-expect-error not an option of the plugin
player.vodSpriteThumbnails({ eventSource: '/typo.json' });

const created: VodSpriteThumbnails = document.createElement('vod-sprite-thumbnails');
created.addEventListener('vod-thumbnails-ready', (event) => {
  const cues: number = event.detail.cues.length;
  console.log(cues);
});
created.addEventListener('vod-thumbnails-error', (event) => {
  const stage: string = event.detail.stage;
  const code: string | undefined = (event.detail.error as { code?: string }).code;
  console.log(stage, code);
});

const infos: SpriteInfo[] = parseSpriteEvent('{}');
const track = parseThumbnailVtt('WEBVTT', { vttUrl: 'https://example.com/a.vtt', imageUrls: [] });
const error = new SpriteEventError('bad-json', 'x');
console.log(given, element, infos, track.cues.length, error.code, widthGiven);
`,
};

/** The README's React 19 and Vue snippets, type-checked against the real framework types. */
const frameworks = {
  'frameworks/readme-react.tsx': snippet('react'),
  'frameworks/readme-vue.ts': snippet('vue'),
  'frameworks/react.tsx': `'use client';
import type {} from 'vod-sprite-thumbnails/react';
import type { ThumbnailsReadyDetail } from 'vod-sprite-thumbnails';
import { useEffect, useState } from 'react';

export function Thumbnails({ playerId, eventUrl }: { playerId: string; eventUrl: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // The element needs a DOM: load it in the browser only, never during server rendering.
    void import('vod-sprite-thumbnails');
  }, []);
  return (
    <vod-sprite-thumbnails
      for={playerId}
      event-src={eventUrl}
      preload="hover"
      onvod-thumbnails-ready={(event: CustomEvent<ThumbnailsReadyDetail>) => setReady(event.detail.cues.length > 0)}
      data-ready={ready}
    />
  );
}

// @ts-expect-error preload takes none | hover | auto
export const wrong = <vod-sprite-thumbnails preload="eager" />;
`,
  'frameworks/vue.ts': `import type {} from 'vod-sprite-thumbnails/vue';
import type { GlobalComponents } from 'vue';

type Props = InstanceType<GlobalComponents['vod-sprite-thumbnails']>['$props'];
export const props: Props = { for: 'player', eventSrc: '/api/sprite-event.json', preload: 'hover' };
// @ts-expect-error preload takes none | hover | auto
export const wrong: Props = { preload: 'eager' };
`,
};

function tsconfig(moduleResolution, extra = {}) {
  const module = moduleResolution === 'bundler' ? 'esnext' : moduleResolution;
  return `${JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        lib: ['es2023', 'dom', 'dom.iterable'],
        module,
        moduleResolution,
        // Only what the consumer imports; the repo's own @types above this folder stay out.
        types: [],
        // The package's .d.ts files are checked too.
        skipLibCheck: false,
        ...extra.compilerOptions,
      },
      include: extra.include ?? ['types'],
    },
    null,
    2,
  )}\n`;
}

export const consumerFiles = {
  ...parseApp,
  ...playerApp,
  'iife/index.html': cdnPage().html,
  ...nodeScripts,
  ...typeCheck,
  ...frameworks,
  'tsconfig.frameworks.json': tsconfig('bundler', { compilerOptions: { jsx: 'react-jsx', types: [] }, include: ['frameworks'] }),
  'tsconfig.bundler.json': tsconfig('bundler'),
  'tsconfig.node16.json': tsconfig('node16'),
  'tsconfig.nodenext.json': tsconfig('nodenext'),
};
