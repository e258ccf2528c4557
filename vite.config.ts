import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const entry = resolve(root, 'src/index.ts');
/** Where the builds go: dist/, or another folder (the package test builds a staging copy). */
const distDir = resolve(root, process.env.VST_OUT_DIR ?? 'dist');

/**
 * The demo's script-tag page loads plain files, no bundler: `lib/vod-sprite-thumbnails.iife.js`
 * and video.js's own `vendor/video.min.js` + `vendor/video-js.min.css`.
 * - build: copies the IIFE that `npm run build:iife` made (so the page proves the real file)
 *   and video.js's dist files into `dist/demo`;
 * - serve: answers those URLs from node_modules, and the IIFE from a fresh esbuild of `src/`
 *   (same shape: lit bundled, video.js from the page's global `videojs`), so `npm start` needs no build.
 */
function scriptTagAssets(): Plugin {
  const vendor: Record<string, string> = {
    'vendor/video.min.js': resolve(root, 'node_modules/video.js/dist/video.min.js'),
    'vendor/video-js.min.css': resolve(root, 'node_modules/video.js/dist/video-js.min.css'),
  };
  const iifeFile = resolve(distDir, 'vod-sprite-thumbnails.iife.js');
  const iifeUrl = 'lib/vod-sprite-thumbnails.iife.js';
  let outDir = '';
  return {
    name: 'demo-script-tag-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0].replace(/^\//, '');
        const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
        if (vendor[path]) {
          res.setHeader('content-type', type);
          res.end(readFileSync(vendor[path]));
          return;
        }
        if (path !== iifeUrl) return next();
        try {
          const result = await esbuild({
            entryPoints: [entry],
            bundle: true,
            format: 'iife',
            globalName: 'VodSpriteThumbnails',
            target: 'es2021',
            write: false,
            tsconfig: resolve(root, 'tsconfig.json'),
            define: { 'process.env.NODE_ENV': '"production"' },
            plugins: [
              {
                name: 'global-videojs',
                setup(b) {
                  b.onResolve({ filter: /^video\.js$/ }, () => ({ path: 'videojs', namespace: 'global' }));
                  b.onLoad({ filter: /.*/, namespace: 'global' }, () => ({ contents: 'module.exports = globalThis.videojs;' }));
                },
              },
            ],
          });
          res.setHeader('content-type', type);
          res.end(result.outputFiles[0].text);
        } catch (error) {
          next(error);
        }
      });
    },
    writeBundle() {
      if (!existsSync(iifeFile)) {
        throw new Error(`${iifeFile} is missing: run \`npm run build:iife\` before \`vite build --mode demo\``);
      }
      const copies: Record<string, string> = { ...vendor, [iifeUrl]: iifeFile };
      if (existsSync(`${iifeFile}.map`)) copies[`${iifeUrl}.map`] = `${iifeFile}.map`;
      for (const [to, from] of Object.entries(copies)) {
        const target = resolve(outDir, to);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(from, target);
      }
    },
  };
}

/**
 * The package's `sideEffects` list marks every other file of this repo side-effect free, which
 * would let the bundler drop the demo's side-effect-only imports (the plugin snippet runs on import).
 */
function demoHasSideEffects(): Plugin {
  const demoDir = resolve(root, 'demo');
  return {
    name: 'demo-side-effects',
    transform(code, id) {
      if (id.startsWith(demoDir) && !id.includes('?')) return { code, map: null, moduleSideEffects: true };
    },
  };
}

/**
 * One config, three builds keyed on `mode`:
 * - default: the ESM library for bundlers (lit and video.js stay external);
 * - `iife`: a script-tag build with lit bundled and video.js from the page's `videojs`;
 * - `demo`: the demo site (also what `npm start` serves, from `demo/`).
 */
export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') {
    return {
      root: resolve(root, 'demo'),
      base: './',
      // No CORS headers: the demo shows what happens when a VTT lives on a host without them.
      server: { host: '127.0.0.1', port: 5173, cors: false },
      preview: { host: '127.0.0.1', port: 4173, cors: false },
      resolve: {
        // The demo imports the package by its published name, exactly as its code samples show.
        alias: [{ find: /^vod-sprite-thumbnails$/, replacement: entry }],
        // Lit's production build in `npm start` too: the page is a showcase, not a debugging session.
        conditions: ['module', 'browser', 'production'],
      },
      plugins: [scriptTagAssets(), demoHasSideEffects()],
      build: {
        outDir: resolve(distDir, 'demo'),
        emptyOutDir: true,
        target: 'es2022',
        // video.js alone is ~700 kB minified; the demo is one page, no splitting needed.
        chunkSizeWarningLimit: 1000,
        rollupOptions: {
          input: {
            index: resolve(root, 'demo/index.html'),
            'script-tag': resolve(root, 'demo/script-tag.html'),
          },
        },
      },
    };
  }
  const iife = mode === 'iife';
  return {
    build: {
      outDir: distDir,
      emptyOutDir: !iife,
      // Maps for the library files (they point at src/, which is not shipped; the package test
      // keeps them out of the tarball).
      sourcemap: iife,
      minify: iife,
      // ES2021: no class static blocks (Safari < 16.4 cannot parse them); see README, Browser support.
      target: 'es2021',
      lib: iife
        ? { entry, name: 'VodSpriteThumbnails', formats: ['iife'], fileName: () => 'vod-sprite-thumbnails.iife.js' }
        : { entry: { 'vod-sprite-thumbnails': entry, 'parse/index': resolve(root, 'src/parse/index.ts') }, formats: ['es'] },
      rollupOptions: iife
        ? { external: ['video.js'], output: { globals: { 'video.js': 'videojs' } } }
        : {
            external: ['video.js', 'lit', /^lit\//, /^@lit\//],
            // One file per source module, so `sideEffects` can name define.js alone and an app
            // that imports only the parse functions ships only them.
            output: {
              preserveModules: true,
              preserveModulesRoot: resolve(root, 'src'),
              entryFileNames: '[name].js',
            },
          },
    },
  };
});
