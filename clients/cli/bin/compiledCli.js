// The CLI compiled into one CommonJS file, so a call starts in node's time rather than
// tsx's (which compiles ~100 TypeScript files on every start). `npm run generate`
// writes it; `ensemble` compiles it again when a source it was built from changed.
// Plain JavaScript: the bin must load without tsx.
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where `npm run generate` puts the compiled CLI (git ignores it). */
const COMPILED_CLI = path.join(__dirname, '..', 'dist', 'ensemble.cjs');
const inputsOf = (outfile) => `${outfile}.inputs.json`;

/**
 * Bundles clients/cli/main.ts and what it imports (packages included) into `outfile`,
 * with the list of the repository's files it was built from beside it. Each file appears
 * whole (written aside, then renamed): two calls compiling at once never show a torn one.
 */
async function compileCli(outfile = COMPILED_CLI) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'clients', 'cli', 'main.ts')],
    absWorkingDir: ROOT,
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeWhole(inputsOf(outfile), `${JSON.stringify(inputs, null, 1)}\n`);
  writeWhole(outfile, result.outputFiles[0].contents);
  return outfile;
}

function writeWhole(file, contents) {
  const aside = `${file}.${process.pid}.partial`;
  writeFileSync(aside, contents);
  renameSync(aside, file);
}

/** Whether `outfile` exists and none of the files it was built from changed since (~60 stat calls). */
function isCompiledCliCurrent(outfile = COMPILED_CLI) {
  try {
    const builtAt = statSync(outfile).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsOf(outfile), 'utf8'));
    return inputs.every((input) => statSync(path.join(ROOT, input)).mtimeMs <= builtAt);
  } catch {
    // Missing, or a source it names is gone: build it again.
    return false;
  }
}

module.exports = { COMPILED_CLI, compileCli, isCompiledCliCurrent };
