import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * The README says Node 20; package.json's `engines` says which 20. Every package the lock
 * file installs must accept that version, or `npm install` prints EBADENGINE warnings
 * that a newcomer cannot tell from real trouble. The `overrides` in package.json choose
 * versions that do; what no version can fix is listed here with its reason.
 */
const ACCEPTED: Record<string, string> = {
  // Prisma's CLI pins @prisma/dev, which pins this (every version wants Node 22). It serves
  // only `prisma dev`, a local Prisma Postgres server that Ensemble never runs.
  '@prisma/streams-local': 'used only by `prisma dev`',
};

const root = path.resolve(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('package engines', () => {
  const declared: string = readJson('package.json').engines.node;
  const oldestNode = semver.minVersion(declared)!.version;

  it('declares a Node version that this machine satisfies', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it(`installs only packages that accept Node ${oldestNode}, the oldest the project declares`, () => {
    const packages: Record<string, { version?: string; engines?: { node?: string } }> = readJson('package-lock.json').packages;
    const refusing = Object.entries(packages)
      .filter(([where, info]) => where && info.engines?.node && !semver.satisfies(oldestNode, info.engines.node))
      .map(([where, info]) => `${where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version} wants node ${info.engines!.node}`)
      .filter((line) => !Object.keys(ACCEPTED).some((name) => line.startsWith(`${name}@`)));
    expect(refusing).toEqual([]);
  });
});
