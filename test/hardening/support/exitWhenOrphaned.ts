/**
 * Loaded with `--import` into processes a fault test starts: if the test process dies
 * without stopping them (a crash, a kill), they are re-parented and exit on their own
 * within a second, so no test leaves a server listening.
 */
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1_000).unref();
