// Jest transform for the web UI's components (.tsx), so tests can render them to HTML in
// Node: esbuild, as the CLI's build already uses, with React's automatic JSX runtime.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

const SELF = readFileSync(__filename);

module.exports = {
  getCacheKey: (source, path) => createHash('sha256').update(SELF).update(path).update(source).digest('hex'),
  process(source, path) {
    const { code, map } = transformSync(source, { loader: 'tsx', jsx: 'automatic', format: 'cjs', sourcefile: path, sourcemap: 'inline', target: 'node20' });
    return { code, map };
  },
};
