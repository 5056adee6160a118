import { execFile } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(__dirname, '..', 'bin', 'ensemble.js');

/** Runs the `ensemble` bin in a process of its own against `endpoint`, as a user would. */
export function runEnsembleBin(argv: string[], endpoint: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      { env: { ...process.env, ENSEMBLE_ENDPOINT: endpoint, NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== 'number') reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}
