import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** `npm start`'s process as tests watch it: everything it printed, and the gateway's URL once it says it is ready. */
export function watchStart(child: ChildProcessWithoutNullStreams): { output: () => string; ready: Promise<string> } {
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ensemble is ready at (\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited with ${code} before it was ready:\n${output}`)));
  });
  return { output: () => output, ready };
}
