#!/usr/bin/env node
// The installed `ensemble` command: tsx compiles the TypeScript sources as they load.
require('tsx/cjs');
require('../main.ts').main();
