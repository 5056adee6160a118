#!/usr/bin/env node
// The `ensemble` command (and `npm run cli`): runs the compiled CLI (compiledCli.js),
// compiling it first when it is missing or older than its sources. Where it cannot be
// written (a read-only install), tsx compiles the TypeScript sources as they load.
const { COMPILED_CLI, compileCli, isCompiledCliCurrent } = require('./compiledCli');

async function start() {
  if (!isCompiledCliCurrent()) {
    try {
      await compileCli();
    } catch (error) {
      process.stderr.write(`ensemble: running from the sources, could not compile ${COMPILED_CLI}: ${error.message}\n`);
      require('tsx/cjs');
      return require('../main.ts').main();
    }
  }
  return require(COMPILED_CLI).main();
}

void start();
