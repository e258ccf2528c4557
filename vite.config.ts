import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const entry = resolve(root, 'src/index.ts');

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
      server: { host: '127.0.0.1', port: 5173 },
      preview: { host: '127.0.0.1', port: 4173 },
      build: {
        outDir: resolve(root, 'dist/demo'),
        emptyOutDir: true,
        rollupOptions: {
          input: {
            index: resolve(root, 'demo/index.html'),
          },
        },
      },
    };
  }
  const iife = mode === 'iife';
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: !iife,
      sourcemap: true,
      minify: true,
      target: 'es2022',
      lib: {
        entry,
        name: 'VodSpriteThumbnails',
        formats: [iife ? 'iife' : 'es'],
        fileName: () => (iife ? 'vod-sprite-thumbnails.iife.js' : 'vod-sprite-thumbnails.js'),
      },
      rollupOptions: {
        external: iife ? ['video.js'] : ['video.js', 'lit', /^lit\//, /^@lit\//],
        output: iife ? { globals: { 'video.js': 'videojs' } } : {},
      },
    },
  };
});
