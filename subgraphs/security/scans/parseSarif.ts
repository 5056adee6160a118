import { InputError } from '../../../kit';
import { isJsonObject, optionalText, parseJsonObject, type JsonObject } from './parseJsonObject';
import { uniqueFindings, type ParsedScan, type ScannedFinding } from './scannedFinding';
import { SARIF_LEVELS, severityFromSarifLevel, severityFromScore, type SarifLevel, type Severity } from './severity';

export interface SarifOptions {
  /** Record the findings under this scanner instead of the tool's name. */
  scanner?: string | null;
}

/** A run's rules: the driver's (component 0 here) and each extension's (CodeQL keeps its queries there). */
type RuleSets = JsonObject[][];

/**
 * Reads a SARIF 2.1.0 log. Every result of kind `fail` (the default) that is not
 * suppressed and not reported as absent is a finding of its rule. Severity comes from
 * `security-severity` (on the result or its rule, as GitHub reads it), else from the
 * result's level. Package, installed and fixed version are read from a message written
 * as `Label: value` lines, as Trivy writes them; other tools leave them null.
 */
export function parseSarif(text: string, options: SarifOptions = {}): ParsedScan {
  const log = parseJsonObject(text, 'SARIF log');
  if (log.version !== '2.1.0') throw new InputError(`Unsupported SARIF version ${JSON.stringify(log.version)}: only 2.1.0 can be imported`);
  if (!Array.isArray(log.runs) || log.runs.length === 0) throw new InputError('A SARIF log needs a non-empty "runs" array');
  const runs = log.runs.map((run: unknown, index: number) => readRun(run, `runs[${index}]`));
  return {
    scanner: scannerName(options.scanner, runs.map((run) => run.tool)),
    findings: uniqueFindings(runs.flatMap((run) => run.findings)),
  };
}

function readRun(run: unknown, where: string): { tool: string; findings: ScannedFinding[] } {
  if (!isJsonObject(run)) throw new InputError(`${where} must be an object`);
  const tool = isJsonObject(run.tool) ? run.tool : {};
  const driver = isJsonObject(tool.driver) ? tool.driver : {};
  const name = optionalText(driver.name, `${where}.tool.driver.name`);
  if (!name) throw new InputError(`${where}.tool.driver.name is missing`);
  const extensions = Array.isArray(tool.extensions) ? tool.extensions : [];
  const ruleSets: RuleSets = [
    readRules(driver.rules, `${where}.tool.driver.rules`),
    ...extensions.map((extension: unknown, index: number) =>
      readRules(isJsonObject(extension) ? extension.rules : undefined, `${where}.tool.extensions[${index}].rules`)),
  ];
  if (!Array.isArray(run.results)) {
    // Importing it as "nothing found" would close every open finding of the tool.
    throw new InputError(`${where}.results is missing, which in SARIF means the tool did not finish; a run that found nothing has "results": []`);
  }
  const findings = run.results.flatMap((result: unknown, index: number) => readResult(result, ruleSets, `${where}.results[${index}]`));
  return { tool: name, findings };
}

function readRules(rules: unknown, where: string): JsonObject[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules) || !rules.every(isJsonObject)) throw new InputError(`${where} must be an array of rule objects`);
  return rules;
}

function readResult(result: unknown, ruleSets: RuleSets, where: string): ScannedFinding[] {
  if (!isJsonObject(result)) throw new InputError(`${where} must be an object`);
  if ((result.kind ?? 'fail') !== 'fail' || result.baselineState === 'absent' || isSuppressed(result.suppressions)) return [];
  const rule = ruleOf(result, ruleSets, where);
  const reference = isJsonObject(result.rule) ? result.rule : {};
  const ruleId = optionalText(result.ruleId, `${where}.ruleId`) ?? optionalText(reference.id, `${where}.rule.id`) ?? optionalText(rule?.id, `${where} rule id`);
  if (!ruleId) throw new InputError(`${where} names no rule (ruleId)`);
  const message = isJsonObject(result.message) ? optionalText(result.message.text, `${where}.message.text`) : null;
  const facts = labelledLines(message);
  const packageName = facts.get('package') ?? null;
  const location = locationOf(result.locations);
  return [{
    // A package finding is the same finding wherever its line moves; a code finding is
    // what the tool fingerprints it as, else where it points.
    fingerprint: packageName
      ? `${ruleId}|${packageName}|${location?.uri ?? ''}`
      : `${ruleId}|${fingerprintOf(result) ?? location?.text ?? ''}`,
    advisoryId: ruleId,
    packageName,
    installedVersion: facts.get('installed version') ?? null,
    vulnerableRange: null,
    fixedVersion: facts.get('fixed version') ?? null,
    severity: severityOf(result, rule, where),
    title: textOf(rule?.shortDescription) ?? message?.split('\n')[0].trim() ?? ruleId,
    url: optionalText(rule?.helpUri, `${where} rule helpUri`),
    location: location?.text ?? null,
  }];
}

/** The rule by index (`ruleIndex`, or `rule.index` in `rule.toolComponent`), else by id. */
function ruleOf(result: JsonObject, ruleSets: RuleSets, where: string): JsonObject | null {
  const reference = isJsonObject(result.rule) ? result.rule : {};
  const component = isJsonObject(reference.toolComponent) && typeof reference.toolComponent.index === 'number' ? reference.toolComponent.index + 1 : 0;
  const rules = ruleSets[component];
  if (!rules) throw new InputError(`${where}.rule.toolComponent.index points at no tool extension`);
  const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : typeof reference.index === 'number' ? reference.index : undefined;
  if (index !== undefined) {
    if (!rules[index]) throw new InputError(`${where} points at rule ${index}, which the run does not define`);
    return rules[index];
  }
  const id = result.ruleId ?? reference.id;
  return rules.find((rule) => rule.id === id) ?? null;
}

function severityOf(result: JsonObject, rule: JsonObject | null, where: string): Severity {
  const score = securitySeverity(result.properties, `${where}.properties`) ?? securitySeverity(rule?.properties, `rule ${JSON.stringify(rule?.id)} properties`);
  if (score !== null) return severityFromScore(score);
  const defaults = isJsonObject(rule?.defaultConfiguration) ? rule.defaultConfiguration : {};
  const level = result.level ?? defaults.level ?? 'warning';
  if (!SARIF_LEVELS.includes(level as SarifLevel)) {
    throw new InputError(`${where}.level must be one of ${SARIF_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  return severityFromSarifLevel(level as SarifLevel);
}

function securitySeverity(properties: unknown, where: string): number | null {
  if (!isJsonObject(properties) || properties['security-severity'] === undefined) return null;
  const raw = properties['security-severity'];
  const score = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : Number.NaN;
  if (!(score >= 0 && score <= 10)) throw new InputError(`${where}["security-severity"] must be a score from 0 to 10, got ${JSON.stringify(raw)}`);
  return score;
}

/** A suppression is in force unless it was rejected or is still under review. */
function isSuppressed(suppressions: unknown): boolean {
  return Array.isArray(suppressions) && suppressions.some((entry) => isJsonObject(entry) && entry.status !== 'rejected' && entry.status !== 'underReview');
}

function fingerprintOf(result: JsonObject): string | null {
  const prints = isJsonObject(result.fingerprints) ? result.fingerprints : isJsonObject(result.partialFingerprints) ? result.partialFingerprints : null;
  if (!prints || Object.keys(prints).length === 0) return null;
  return Object.keys(prints).sort().map((key) => `${key}=${String(prints[key])}`).join(',');
}

function locationOf(locations: unknown): { uri: string; text: string } | null {
  const first = Array.isArray(locations) ? locations[0] : undefined;
  const physical = isJsonObject(first) && isJsonObject(first.physicalLocation) ? first.physicalLocation : {};
  const artifact = isJsonObject(physical.artifactLocation) ? physical.artifactLocation : {};
  if (typeof artifact.uri !== 'string' || !artifact.uri) return null;
  const line = isJsonObject(physical.region) && typeof physical.region.startLine === 'number' ? physical.region.startLine : null;
  return { uri: artifact.uri, text: line === null ? artifact.uri : `${artifact.uri}:${line}` };
}

/** `Label: value` lines of a message, by lower-cased label; empty values are left out. */
function labelledLines(message: string | null): Map<string, string> {
  const facts = new Map<string, string>();
  for (const line of message?.split('\n') ?? []) {
    const match = line.match(/^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*?)\s*$/);
    if (match && match[2]) facts.set(match[1].toLowerCase(), match[2]);
  }
  return facts;
}

function textOf(message: unknown): string | null {
  return isJsonObject(message) && typeof message.text === 'string' && message.text.trim() ? message.text.trim() : null;
}

function scannerName(override: string | null | undefined, tools: string[]): string {
  if (override !== undefined && override !== null) {
    const name = override.trim().toLowerCase();
    if (!name || name.length > 100) throw new InputError('"scanner" must be 1 to 100 characters');
    return name;
  }
  const names = [...new Set(tools.map((tool) => tool.trim().toLowerCase().replace(/\s+/g, '-')))];
  if (names.length > 1) {
    throw new InputError(`The SARIF log holds runs of several tools (${names.join(', ')}): import each tool's log on its own, or give "scanner" to record them as one scan`);
  }
  return names[0];
}
