import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deployRoles } from '../../deploy/roles';

const ROOT = path.join(__dirname, '../..');

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): { keyword: string; rest: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), rest: rest.join(' ') };
    });
}

describe('deploy/Dockerfile', () => {
  const steps = instructions(readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8'));
  const lastFrom = steps.map((step) => step.keyword).lastIndexOf('FROM');
  const runtime = steps.slice(lastFrom);

  it('builds in stages and runs from a stage that copies only the build', () => {
    const stages = steps.filter((step) => step.keyword === 'FROM');
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const buildStage = /\bAS\s+(\S+)/i.exec(stages[0].rest)?.[1];
    expect(buildStage).toBeDefined();
    expect(runtime.filter((step) => step.keyword === 'COPY').map((step) => step.rest)).toEqual([expect.stringContaining(`--from=${buildStage}`)]);
    expect(steps.some((step) => step.keyword === 'RUN' && /\bnpm ci\b/.test(step.rest))).toBe(true);
    expect(steps.some((step) => step.keyword === 'RUN' && /\bnpm (install|i)\b/.test(step.rest))).toBe(false);
  });

  it('runs as a numeric non-root user, set before the command', () => {
    const users = runtime.filter((step) => step.keyword === 'USER');
    expect(users).toHaveLength(1);
    const [user] = users[0].rest.split(':');
    expect(user).toMatch(/^[0-9]+$/);
    expect(Number(user)).toBeGreaterThan(0);
    const at = (keyword: string) => runtime.findIndex((step) => step.keyword === keyword);
    expect(at('USER')).toBeLessThan(at('ENTRYPOINT'));
  });

  it('bakes in no secret', () => {
    for (const step of steps.filter((candidate) => ['ENV', 'ARG', 'LABEL'].includes(candidate.keyword))) {
      expect(step.rest).not.toMatch(/SECRET|TOKEN|PASSWORD|DATABASE_URL|_KEY/i);
    }
    for (const step of steps.filter((candidate) => ['COPY', 'ADD'].includes(candidate.keyword))) expect(step.rest).not.toMatch(/\.env|\.pem|\.key\b/);
    const ignored = readFileSync(path.join(ROOT, 'deploy/Dockerfile.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.env', '.env.*', '.git', 'node_modules', '.data']));
  });

  it('starts any role the code defines by its command', () => {
    expect(runtime.find((step) => step.keyword === 'ENTRYPOINT')?.rest).toBe('["node", "--import", "tsx"]');
    for (const role of deployRoles()) expect([role.script, existsSync(path.join(ROOT, role.script))]).toEqual([role.script, true]);
  });
});
