// Jest transform for PGlite's CommonJS build, which loads Node built-ins with `import("fs")`.
// Jest runs CommonJS in a vm context where a dynamic import needs --experimental-vm-modules;
// the built-in itself can be had without it (the bundle shadows `require`, hence
// process.getBuiltinModule), shaped like an import's namespace with its `default`.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

const SELF = readFileSync(__filename);

module.exports = {
  // Jest caches transformed files; changing this transform must invalidate them.
  getCacheKey: (source, path) => createHash('sha256').update(SELF).update(path).update(source).digest('hex'),
  process(source) {
    return {
      code: source.replace(
        /\bimport\(\s*(["'])((?:node:)?[a-z_/]+)\1\s*\)/g,
        (_, quote, name) =>
          `Promise.resolve().then(() => { const m = globalThis.process.getBuiltinModule(${quote}${name}${quote}); return { ...m, default: m }; })`,
      ),
    };
  },
};
