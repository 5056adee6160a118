import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../../kit';
import { parseSarif } from './parseSarif';

type Json = Record<string, any>;

function sarif(runs: Json[]): string {
  return JSON.stringify({ version: '2.1.0', runs });
}

function run(results: Json[], rules: Json[] = [], name = 'CodeQL'): Json {
  return { tool: { driver: { name, rules } }, results };
}

const sqlInjection = {
  id: 'js/sql-injection',
  shortDescription: { text: 'Database query built from user-controlled sources' },
  helpUri: 'https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/',
  properties: { 'security-severity': '8.8' },
};

const at = (uri: string, startLine: number) => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine } } }];

function inputErrorOf(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('parseSarif', () => {
  it('turns a code scanning result into a finding of its rule', () => {
    const scan = parseSarif(sarif([run([
      { ruleId: 'js/sql-injection', ruleIndex: 0, level: 'error', message: { text: 'This query depends on a user-provided value.' }, locations: at('src/orders.js', 42) },
    ], [sqlInjection])]));
    expect(scan).toEqual({
      scanner: 'codeql',
      findings: [{
        fingerprint: 'js/sql-injection|src/orders.js:42',
        advisoryId: 'js/sql-injection',
        packageName: null,
        installedVersion: null,
        vulnerableRange: null,
        fixedVersion: null,
        severity: 'high',
        title: 'Database query built from user-controlled sources',
        url: 'https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/',
        location: 'src/orders.js:42',
      }],
    });
  });

  it('reads package, installed and fixed version from a Trivy result (the demo log)', () => {
    const text = readFileSync(path.join(__dirname, '../demo/web-shop.trivy.sarif.json'), 'utf8');
    const scan = parseSarif(text);
    expect(scan.scanner).toBe('trivy');
    expect(scan.findings).toEqual([expect.objectContaining({
      advisoryId: 'CVE-2023-45857',
      packageName: 'axios',
      installedVersion: '1.5.1',
      fixedVersion: '1.6.0',
      severity: 'moderate',
      title: 'axios: exposure of confidential data stored in cookies',
      fingerprint: 'CVE-2023-45857|axios|package-lock.json',
    })]);
  });

  it.each([
    ['9.8', 'critical'],
    ['9.0', 'critical'],
    ['8.9', 'high'],
    ['7.0', 'high'],
    ['6.9', 'moderate'],
    ['4.0', 'moderate'],
    ['3.9', 'low'],
    ['0.1', 'low'],
    ['0', 'info'],
  ])('maps security-severity %s to %s, whatever the level says', (score, severity) => {
    const scan = parseSarif(sarif([run([{ ruleId: 'r', level: 'note', message: { text: 'm' } }], [{ id: 'r', properties: { 'security-severity': score } }])]));
    expect(scan.findings[0].severity).toBe(severity);
  });

  it('prefers a security-severity on the result over the rule\'s', () => {
    const scan = parseSarif(sarif([run([{ ruleId: 'r', message: { text: 'm' }, properties: { 'security-severity': 9.5 } }], [{ id: 'r', properties: { 'security-severity': '2.0' } }])]));
    expect(scan.findings[0].severity).toBe('critical');
  });

  it.each([
    ['error', 'high'],
    ['warning', 'moderate'],
    ['note', 'low'],
    ['none', 'info'],
  ])('maps level %s to %s when there is no security-severity', (level, severity) => {
    const scan = parseSarif(sarif([run([{ ruleId: 'r', level, message: { text: 'm' } }])]));
    expect(scan.findings[0].severity).toBe(severity);
  });

  it('takes the rule\'s default level, then SARIF\'s default (warning), when the result has none', () => {
    const scan = parseSarif(sarif([run(
      [{ ruleId: 'a', message: { text: 'm' } }, { ruleId: 'b', message: { text: 'm' } }],
      [{ id: 'a', defaultConfiguration: { level: 'error' } }],
    )]));
    expect(scan.findings.map((finding) => finding.severity)).toEqual(['high', 'moderate']);
  });

  it('finds rules kept in a tool extension (as CodeQL writes them)', () => {
    const log = { tool: { driver: { name: 'CodeQL' }, extensions: [{ name: 'codeql/javascript-queries', rules: [sqlInjection] }] },
      results: [{ rule: { id: 'js/sql-injection', index: 0, toolComponent: { index: 0 } }, message: { text: 'm' }, locations: at('src/a.js', 1) }] };
    const [finding] = parseSarif(sarif([log])).findings;
    expect([finding.advisoryId, finding.severity, finding.title]).toEqual(['js/sql-injection', 'high', 'Database query built from user-controlled sources']);
  });

  it('leaves out results that are not failures, are suppressed or are reported absent', () => {
    const scan = parseSarif(sarif([run([
      { ruleId: 'kept', message: { text: 'm' } },
      { ruleId: 'passed', kind: 'pass', message: { text: 'm' } },
      { ruleId: 'suppressed', suppressions: [{ kind: 'inSource' }], message: { text: 'm' } },
      { ruleId: 'rejected-suppression', suppressions: [{ kind: 'external', status: 'rejected' }], message: { text: 'm' } },
      { ruleId: 'gone', baselineState: 'absent', message: { text: 'm' } },
    ])]));
    expect(scan.findings.map((finding) => finding.advisoryId)).toEqual(['kept', 'rejected-suppression']);
  });

  it('identifies a code finding by its fingerprint, so a moved line stays one finding', () => {
    const result = (line: number) => ({ ruleId: 'r', message: { text: 'm' }, partialFingerprints: { primaryLocationLineHash: 'abc:1' }, locations: at('src/a.js', line) });
    const before = parseSarif(sarif([run([result(10)])])).findings[0];
    const after = parseSarif(sarif([run([result(12)])])).findings[0];
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.location).toBe('src/a.js:12');
  });

  it('collapses a result repeated at one place into one finding', () => {
    const result = { ruleId: 'r', message: { text: 'm' }, locations: at('src/a.js', 3) };
    expect(parseSarif(sarif([run([result, result])])).findings).toHaveLength(1);
  });

  it('takes several runs of one tool together, and records them under a given scanner name', () => {
    const text = sarif([run([{ ruleId: 'a', message: { text: 'm' } }]), run([{ ruleId: 'b', message: { text: 'm' } }])]);
    expect(parseSarif(text).findings).toHaveLength(2);
    expect(parseSarif(text, { scanner: ' CodeQL-Python ' }).scanner).toBe('codeql-python');
  });

  it('reads a run with an empty results list as nothing found', () => {
    expect(parseSarif(sarif([run([])])).findings).toEqual([]);
  });

  describe('bad input is an InputError', () => {
    it.each([
      ['text that is not JSON', '<?xml version="1.0"?>', undefined, /not JSON/],
      ['an unknown SARIF version', JSON.stringify({ version: '2.0.0', runs: [] }), undefined, /Unsupported SARIF version "2.0.0"/],
      ['a log without version', JSON.stringify({ runs: [] }), undefined, /Unsupported SARIF version undefined/],
      ['no runs', sarif([]), undefined, /non-empty "runs" array/],
      ['a run without a tool name', sarif([{ tool: { driver: {} }, results: [] }]), undefined, /runs\[0\]\.tool\.driver\.name is missing/],
      ['a run without results (the tool did not finish)', sarif([{ tool: { driver: { name: 'Trivy' } } }]), undefined, /runs\[0\]\.results is missing/],
      ['a result without a rule', sarif([run([{ message: { text: 'm' } }])]), undefined, /results\[0\] names no rule/],
      ['a result pointing at a missing rule', sarif([run([{ ruleId: 'r', ruleIndex: 3, message: { text: 'm' } }])]), undefined, /points at rule 3/],
      ['an unknown level', sarif([run([{ ruleId: 'r', level: 'fatal', message: { text: 'm' } }])]), undefined, /level must be one of error, warning, note, none, got "fatal"/],
      ['a security-severity that is no score', sarif([run([{ ruleId: 'r', message: { text: 'm' } }], [{ id: 'r', properties: { 'security-severity': 'HIGH' } }])]), undefined, /must be a score from 0 to 10, got "HIGH"/],
      ['a security-severity above 10', sarif([run([{ ruleId: 'r', message: { text: 'm' } }], [{ id: 'r', properties: { 'security-severity': '11' } }])]), undefined, /must be a score from 0 to 10/],
      ['runs of two tools', sarif([run([], [], 'Trivy'), run([], [], 'Grype')]), undefined, /several tools \(trivy, grype\)/],
      ['an empty scanner name', sarif([run([])]), '  ', /"scanner" must be 1 to 100 characters/],
    ])('%s', (_, text, scanner, message) => {
      expect(inputErrorOf(() => parseSarif(text, { scanner })).message).toMatch(message);
    });
  });
});
