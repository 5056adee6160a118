import { InputError } from '../../../kit';
import { isJsonObject, optionalText, parseJsonObject, type JsonObject } from './parseJsonObject';
import { uniqueFindings, type ParsedScan, type ScannedFinding } from './scannedFinding';
import { parseSeverity } from './severity';

export const NPM_AUDIT_SCANNER = 'npm-audit';

const GHSA_ID = /GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/i;

/**
 * Reads `npm audit --json` as npm 7 and later print it (`auditReportVersion: 2`).
 *
 * A finding is an advisory: each object in a package's `via` list. A string in `via`
 * only says "vulnerable because it depends on that package", whose own entry carries the
 * advisory, so it adds no finding (npm's `metadata.vulnerabilities` counts such packages
 * too, which is why its totals can be higher than ours). The report does not say which
 * version is installed; the fixed version is read off the advisory's range when that is
 * a plain `<x.y.z`.
 */
export function parseNpmAudit(text: string): ParsedScan {
  const report = parseJsonObject(text, 'npm audit report');
  if (isJsonObject(report.error)) {
    const { code, summary } = report.error;
    throw new InputError(`npm audit printed an error, not a report: ${[code, summary].filter(Boolean).join(': ')}`);
  }
  if (report.auditReportVersion !== 2) {
    if ('advisories' in report) {
      throw new InputError('This is an npm 6 audit report ("advisories"); run npm audit with npm 7 or later ("auditReportVersion": 2)');
    }
    throw new InputError(`Not an npm audit report: expected "auditReportVersion": 2, got ${JSON.stringify(report.auditReportVersion)}`);
  }
  const vulnerabilities = report.vulnerabilities;
  if (!isJsonObject(vulnerabilities)) throw new InputError('"vulnerabilities" must be an object keyed by package name');

  const findings: ScannedFinding[] = [];
  for (const [key, vulnerability] of Object.entries(vulnerabilities)) {
    const where = `vulnerabilities[${JSON.stringify(key)}]`;
    if (!isJsonObject(vulnerability)) throw new InputError(`${where} must be an object`);
    if (!Array.isArray(vulnerability.via)) throw new InputError(`${where}.via must be an array`);
    vulnerability.via.forEach((via: unknown, index: number) => {
      const viaWhere = `${where}.via[${index}]`;
      if (typeof via === 'string') {
        if (!Object.hasOwn(vulnerabilities, via)) throw new InputError(`${viaWhere} names "${via}", which the report does not list`);
        return;
      }
      if (!isJsonObject(via)) throw new InputError(`${viaWhere} must be a package name or an advisory object`);
      findings.push(advisoryFinding(via, vulnerability, key, viaWhere));
    });
  }
  return { scanner: NPM_AUDIT_SCANNER, findings: uniqueFindings(findings) };
}

function advisoryFinding(via: JsonObject, vulnerability: JsonObject, key: string, where: string): ScannedFinding {
  const title = optionalText(via.title, `${where}.title`);
  if (!title) throw new InputError(`${where}.title is missing`);
  const url = optionalText(via.url, `${where}.url`);
  const advisoryId = advisoryIdOf(url, via.source, where);
  // The advisory's own package; npm files it under a dependent's entry now and then.
  const packageName = optionalText(via.name, `${where}.name`) ?? optionalText(vulnerability.name, `${where}.name`) ?? key;
  const vulnerableRange = optionalText(via.range, `${where}.range`);
  return {
    fingerprint: `${advisoryId}|${packageName}`,
    advisoryId,
    packageName,
    installedVersion: null,
    vulnerableRange,
    fixedVersion: vulnerableRange ? fixedVersionOf(vulnerableRange) : null,
    severity: parseSeverity(via.severity ?? vulnerability.severity, `${where}.severity`),
    title,
    url,
    location: null,
  };
}

/** The GHSA id in the advisory's URL (what people search for), else npm's own advisory number. */
function advisoryIdOf(url: string | null, source: unknown, where: string): string {
  const ghsa = url?.match(GHSA_ID)?.[0];
  if (ghsa) return `GHSA${ghsa.slice(4).toLowerCase()}`;
  if (typeof source === 'number' || (typeof source === 'string' && source.trim())) return `npm:${source}`;
  throw new InputError(`${where} has neither a GitHub advisory URL nor a "source" id`);
}

/**
 * The first safe version, from a range whose upper end is exclusive and single:
 * `<4.17.21` and `>=1.0.0 <1.2.6` give `4.17.21` and `1.2.6`. Anything else (`<=`, `||`,
 * `*`) gives null: guessing would send someone to a version that may still be affected.
 */
export function fixedVersionOf(range: string): string | null {
  return range.trim().match(/^(?:>=?\s*\S+\s+)?<\s*(\d[^\s<>=|]*)$/)?.[1] ?? null;
}
