// custom-elements.json, as shipped: read from src/, but every path names the built file a user
// imports (dist/…js, same layout as src/ thanks to preserveModules); only the element's module,
// its definition and the two entry points are kept, and private members are left out (they are
// not API). `npm run analyze -- --outdir <dir>` writes it elsewhere.

import { posix } from 'node:path';

/**
 * src/element/element.ts -> dist/element/element.js; the main entry keeps its published name.
 * A relative specifier (a re-export's) is resolved against the module that wrote it.
 */
function shippedPath(path, from = 'src/index.ts') {
  if (!path) return path;
  const source = path.startsWith('.') ? posix.join(posix.dirname(from), path) : posix.normalize(path.replace(/^\//, ''));
  const file = source.replace(/^src\//, '').replace(/\.ts$/, '.js');
  return `dist/${file === 'index.js' ? 'vod-sprite-thumbnails.js' : file}`;
}

function isPrivate(member) {
  return member.privacy === 'private' || member.name?.startsWith('#');
}

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
const shippedFilesNoPrivates = {
  name: 'shipped-files-no-privates',
  packageLinkPhase({ customElementsManifest }) {
    // What tools read the manifest for: the element, where it is defined, and the entry points.
    // Internal modules (loading, video.js glue, the parsers' helpers) would only add weight.
    const entries = new Set(['src/index.ts', 'src/parse/index.ts']);
    customElementsManifest.modules = customElementsManifest.modules.filter(
      (mod) =>
        entries.has(mod.path) ||
        mod.declarations?.some((declaration) => declaration.customElement) ||
        mod.exports?.some((entry) => entry.kind === 'custom-element-definition'),
    );
    const kept = new Set(customElementsManifest.modules.map((mod) => shippedPath(mod.path)));
    for (const mod of customElementsManifest.modules) {
      const source = mod.path;
      mod.path = shippedPath(source);
      for (const declaration of mod.declarations ?? []) {
        if (declaration.members) declaration.members = declaration.members.filter((member) => !isPrivate(member));
        if (declaration.attributes) {
          // An attribute whose field is private is not API either.
          declaration.attributes = declaration.attributes.filter((attribute) => !attribute.fieldName?.startsWith('#'));
        }
      }
      for (const entry of mod.exports ?? []) {
        if (entry.declaration?.module) entry.declaration.module = shippedPath(entry.declaration.module, source);
      }
      mod.exports = mod.exports?.filter((entry) => !entry.declaration?.module || kept.has(entry.declaration.module));
      for (const declaration of mod.declarations ?? []) {
        for (const ref of [declaration.superclass, ...(declaration.members ?? []).map((member) => member.inheritedFrom)]) {
          if (ref?.module && !ref.package) ref.module = shippedPath(ref.module, source);
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  litelement: true,
  // The package.json field is kept by hand; the analyzer must not rewrite package.json.
  packagejson: false,
  plugins: [shippedFilesNoPrivates],
};
