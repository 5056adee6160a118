import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient as CicdPrisma } from '../prisma/cicd/generated/client';
import type { PrismaClient as SecurityPrisma } from '../prisma/security/generated/client';
import type { PrismaClient as TechdocsPrisma } from '../prisma/techdocs/generated/client';
import { toRunData, type PipelineRunInput } from '../subgraphs/cicd/data/recordPipelineRun';
import { importScan } from '../subgraphs/security/data/importScan';
import { parseNpmAudit } from '../subgraphs/security/scans/parseNpmAudit';
import { publishDocs } from '../subgraphs/techdocs/builder/publishDocs';

export interface PluginSeed {
  /** Components of the generated catalog (`component-<i>`). */
  components: number;
  /** Where generated docs sources are written. */
  dir: string;
  /** Share of components with a security scan / published docs. */
  scanShare: number;
  docsShare: number;
}

export interface SeededPlugins {
  pipelineRuns: number;
  scans: number;
  findings: number;
  docSites: number;
  seconds: { cicd: number; security: number; techdocs: number };
}

const PIPELINES = ['build', 'deploy'];
const RUNS_PER_PIPELINE = 2;

/**
 * The plugins' data for a generated catalog, written through each plugin's own code:
 * CI runs through cicd's `toRunData` (the checks and mapping `recordPipelineRun` applies;
 * written in batches, as its demo loader does), `npm audit` reports through security's
 * parser and `importScan`, docs folders through techdocs' `publishDocs` (build + store).
 */
export async function seedPlugins(
  prisma: { cicd: CicdPrisma; security: SecurityPrisma; techdocs: TechdocsPrisma },
  seed: PluginSeed,
): Promise<SeededPlugins> {
  const now = Date.now();
  let started = performance.now();
  const runs: PipelineRunInput[] = [];
  for (let i = 0; i < seed.components; i++) {
    for (const pipeline of PIPELINES) {
      for (let n = 0; n < RUNS_PER_PIPELINE; n++) {
        const startedAt = new Date(now - (i % 97) * 60_000 - n * 3_600_000);
        runs.push({
          entityRef: `component:default/component-${i}`,
          pipeline,
          status: (i + n) % 5 === 0 ? 'failed' : 'succeeded',
          branch: 'main',
          commitSha: `${i.toString(16).padStart(8, '0')}${n}`,
          url: `https://ci.example.com/component-${i}/${pipeline}/${n}`,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date(startedAt.getTime() + 120_000 + (i % 13) * 1_000).toISOString(),
          externalId: `bench:${i}:${pipeline}:${n}`,
        });
      }
    }
  }
  for (let from = 0; from < runs.length; from += 2_000) {
    const batch = runs.slice(from, from + 2_000);
    await prisma.cicd.pipelineRun.createMany({ data: batch.map((run) => ({ ...toRunData(run), externalId: run.externalId })) });
  }
  const cicdSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  let scans = 0;
  let findings = 0;
  const every = (share: number) => (share <= 0 ? Infinity : Math.max(1, Math.round(1 / share)));
  for (let i = 0; i < seed.components; i += every(seed.scanShare)) {
    const result = await importScan(prisma.security, `component:default/component-${i}`, parseNpmAudit(npmAuditReport(i)));
    scans++;
    findings += result.opened;
  }
  const securitySeconds = (performance.now() - started) / 1000;

  started = performance.now();
  let docSites = 0;
  for (let i = 0; i < seed.components; i += every(seed.docsShare)) {
    const source = path.join(seed.dir, 'docs', `component-${i}`);
    writeDocsSource(source, i);
    await publishDocs(prisma.techdocs, `component:default/component-${i}`, source);
    docSites++;
  }
  const techdocsSeconds = (performance.now() - started) / 1000;
  return {
    pipelineRuns: runs.length,
    scans,
    findings,
    docSites,
    seconds: { cicd: round(cicdSeconds), security: round(securitySeconds), techdocs: round(techdocsSeconds) },
  };
}

const PACKAGES = ['lodash', 'minimist', 'json5', 'semver', 'tough-cookie', 'word-wrap', 'axios', 'follow-redirects'];
const SEVERITIES = ['critical', 'high', 'moderate', 'low'];

/** An `npm audit --json` (npm 7+) report with one to three advisories. */
function npmAuditReport(i: number): string {
  const vulnerabilities: Record<string, unknown> = {};
  for (let n = 0; n <= i % 3; n++) {
    const name = PACKAGES[(i + n * 3) % PACKAGES.length];
    const severity = SEVERITIES[(i + n) % SEVERITIES.length];
    vulnerabilities[name] = {
      name,
      severity,
      isDirect: n === 0,
      via: [{ source: 1_000_000 + ((i * 7 + n) % 500), name, dependency: name, title: `${name} advisory ${(i + n) % 500}`, severity, range: `<${n + 2}.0.0` }],
      effects: [],
      range: `<${n + 2}.0.0`,
      nodes: [`node_modules/${name}`],
      fixAvailable: true,
    };
  }
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities });
}

const TOPICS = ['deployment', 'runbook', 'architecture', 'reservation', 'payments', 'inventory', 'latency', 'migration'];

/** A small docs source: an index page and a guide, words varied per component so searches rank. */
function writeDocsSource(dir: string, i: number): void {
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  const topic = TOPICS[i % TOPICS.length];
  const other = TOPICS[(i * 3 + 1) % TOPICS.length];
  writeFileSync(
    path.join(dir, 'docs', 'index.md'),
    `# component-${i}\n\nThis service handles ${topic} for the shop.\n\n## Overview\n\nIt talks to ${other} and keeps ${topic} records.\n`,
  );
  writeFileSync(
    path.join(dir, 'docs', 'guide.md'),
    `# Guide\n\n## Running locally\n\nStart it with npm start. The ${other} settings live in config.\n\n## On call\n\nSee the ${topic} runbook.\n`,
  );
}

const round = (value: number) => Math.round(value * 100) / 100;
