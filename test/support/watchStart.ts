import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * `npm start`'s process as tests watch it: everything it printed, the gateway's URL once it
 * says it is ready, and when the catalog's first read has ended (the platform serves while
 * the catalog reads, so a test that wants the demo entities waits for `read`).
 */
export function watchStart(child: ChildProcessWithoutNullStreams): { output: () => string; ready: Promise<string>; read: Promise<void> } {
  let output = '';
  let markRead: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (markRead = resolve));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ensemble is ready at (\S+)/.exec(output);
      if (match) resolve(match[1]);
      if (/catalog: \S+: \d+ files \(/.test(output)) markRead();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited with ${code} before it was ready:\n${output}`)));
  });
  return { output: () => output, ready, read };
}
