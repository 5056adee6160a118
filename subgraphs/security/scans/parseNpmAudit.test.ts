import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../../kit';
import { fixedVersionOf, parseNpmAudit } from './parseNpmAudit';

const minimistAdvisory = {
  source: 1097678,
  name: 'minimist',
  dependency: 'minimist',
  title: 'Prototype Pollution in minimist',
  url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
  severity: 'critical',
  cwe: ['CWE-1321'],
  cvss: { score: 9.8, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  range: '>=1.0.0 <1.2.6',
};

function report(vulnerabilities: Record<string, unknown>): string {
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });
}

function inputErrorOf(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('parseNpmAudit', () => {
  it('turns each advisory object in `via` into one finding', () => {
    const scan = parseNpmAudit(report({
      minimist: { name: 'minimist', severity: 'critical', via: [minimistAdvisory], range: '1.0.0 - 1.2.5', fixAvailable: true },
    }));
    expect(scan.scanner).toBe('npm-audit');
    expect(scan.findings).toEqual([{
      fingerprint: 'GHSA-xvch-5gv4-984h|minimist',
      advisoryId: 'GHSA-xvch-5gv4-984h',
      packageName: 'minimist',
      installedVersion: null,
      vulnerableRange: '>=1.0.0 <1.2.6',
      fixedVersion: '1.2.6',
      severity: 'critical',
      title: 'Prototype Pollution in minimist',
      url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
      location: null,
    }]);
  });

  it('adds no finding for a `via` string: the advisory is reported under the package it names', () => {
    const scan = parseNpmAudit(report({
      minimist: { name: 'minimist', severity: 'critical', via: [minimistAdvisory] },
      mkdirp: { name: 'mkdirp', severity: 'critical', via: ['minimist'] },
    }));
    expect(scan.findings.map((finding) => finding.packageName)).toEqual(['minimist']);
  });

  it('counts an advisory once when npm repeats it under a dependent package', () => {
    const scan = parseNpmAudit(report({
      minimist: { name: 'minimist', severity: 'critical', via: [minimistAdvisory] },
      'another-package': { name: 'another-package', severity: 'critical', via: [minimistAdvisory, 'minimist'] },
    }));
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0].packageName).toBe('minimist');
  });

  it('keeps two advisories on one package apart, and falls back to npm\'s number without a GitHub URL', () => {
    const scan = parseNpmAudit(report({
      lodash: {
        name: 'lodash',
        severity: 'high',
        via: [
          { source: 1084491, name: 'lodash', title: 'Command Injection in lodash', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', severity: 'high', range: '<4.17.21' },
          { source: 1070001, name: 'lodash', title: 'An advisory without a GitHub page', severity: 'moderate', range: '<=4.17.20' },
        ],
      },
    }));
    expect(scan.findings.map((finding) => [finding.advisoryId, finding.severity, finding.fixedVersion])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', 'high', '4.17.21'],
      ['npm:1070001', 'moderate', null],
    ]);
  });

  it('drops NUL characters, which PostgreSQL cannot store', () => {
    const scan = parseNpmAudit(report({ minimist: { via: [{ ...minimistAdvisory, title: 'Prototype\u0000 Pollution' }] } }));
    expect(scan.findings[0].title).toBe('Prototype Pollution');
  });

  it('reads an empty report as a scan that found nothing', () => {
    expect(parseNpmAudit(report({})).findings).toEqual([]);
  });

  it('reads the demo reports', () => {
    const text = readFileSync(path.join(__dirname, '../demo/checkout-service.npm-audit.json'), 'utf8');
    const severities = parseNpmAudit(text).findings.map((finding) => finding.severity).sort();
    expect(severities).toEqual(['critical', 'high', 'high']);
  });

  describe('bad input is an InputError', () => {
    it.each([
      ['text that is not JSON', 'found 0 vulnerabilities', /not JSON/],
      ['a JSON array', '[]', /must be a JSON object, got an array/],
      ['an npm 6 report', JSON.stringify({ advisories: {}, metadata: {} }), /npm 6 audit report/],
      ['another JSON document', JSON.stringify({ name: 'web-shop', version: '1.0.0' }), /expected "auditReportVersion": 2/],
      ['npm\'s error output', JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }), /ENOLOCK: This command requires/],
      ['vulnerabilities that is a list', JSON.stringify({ auditReportVersion: 2, vulnerabilities: [] }), /"vulnerabilities" must be an object/],
      ['a `via` that is not a list', report({ minimist: { severity: 'high', via: 'minimist' } }), /via must be an array/],
      ['a `via` entry that is a number', report({ minimist: { severity: 'high', via: [42] } }), /via\[0\] must be a package name or an advisory object/],
      ['a `via` string naming no listed package', report({ mkdirp: { severity: 'high', via: ['minimist'] } }), /names "minimist", which the report does not list/],
      ['an unknown severity', report({ minimist: { via: [{ ...minimistAdvisory, severity: 'spicy' }] } }), /unknown severity "spicy"/],
      ['an advisory without a title', report({ minimist: { via: [{ ...minimistAdvisory, title: undefined }] } }), /title is missing/],
      ['an advisory with no id at all', report({ minimist: { via: [{ ...minimistAdvisory, url: undefined, source: undefined }] } }), /neither a GitHub advisory URL nor a "source" id/],
    ])('%s', (_, text, message) => {
      expect(inputErrorOf(() => parseNpmAudit(text)).message).toMatch(message);
    });
  });
});

describe('fixedVersionOf', () => {
  it.each([
    ['<4.17.21', '4.17.21'],
    ['>=1.0.0 <1.2.6', '1.2.6'],
    ['< 2.6.7', '2.6.7'],
    ['<=4.17.20', null],
    ['<1.0.2 || >=2.0.0 <2.2.2', null],
    ['*', null],
  ])('%s gives %s', (range, expected) => {
    expect(fixedVersionOf(range)).toBe(expected);
  });
});
