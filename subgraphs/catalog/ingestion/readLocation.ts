import { createHash } from 'node:crypto';
import { isDynamicPattern } from 'tinyglobby';
import path from 'node:path';
import type { KindRules } from '../model/validation/kinds/validateKind';
import { parseDescriptors } from './parseDescriptors';
import { guessEntityRef, processEntity, type ProcessedEntity } from './processEntity';
import { resolvePlaceholders, type PlaceholderResult } from './resolvePlaceholders';
import { forEachConcurrently } from './forEachConcurrently';
import { isUrl, resolveRelative, SourceNotFoundError, type SourceReader } from './sourceReader';

export interface Problem {
  file: string;
  entityRef: string | null;
  message: string;
}

/** An entity with the file it was read from, so problems can name the file. */
export type SourcedEntity = ProcessedEntity & { file: string };

/**
 * One file of a location. A file applies all or nothing: `ok` is false when anything in
 * it failed, and then its previously stored entities stay as they were.
 */
export interface FileContents {
  file: string;
  ok: boolean;
  entities: SourcedEntity[];
  problems: Problem[];
  /** sha256 of the file's text (see contentHash); undefined when it could not be read. */
  contentHash?: string;
  /**
   * True when the text alone decides what the file yields: no placeholders (they name
   * other files) and no Location entities (they lead to other files).
   */
  selfContained: boolean;
  /** Set instead of `entities` when the file was not parsed: the refs it stored, unchanged. */
  unchangedRefs?: string[];
}

export interface LocationContents {
  files: FileContents[];
  /** Problems that belong to no file that could be read (a missing target, say). */
  problems: Problem[];
}

/**
 * Files read at once: enough to keep a URL location busy, few enough to bound memory.
 * What waits for its turn is a file's text, not its parse: see streamLocation.
 */
const READ_CONCURRENCY = 32;
/** Files handed on between two yields to the event loop, so a long read does not stall the server. */
const YIELD_EVERY = 256;

export interface ReadLocationOptions {
  reader: SourceReader;
  /** Which kinds and schemas validation applies (see KindRules). */
  kindRules?: KindRules;
  /**
   * The refs a file stored the last time it was read, when its text is the same as then and
   * it need not be parsed again; undefined to parse it.
   */
  unchangedRefs?: (file: string, contentHash: string) => string[] | undefined;
  /** Told the number of files found so far each time a glob or a Location names more (progress). */
  onFilesFound?: (found: number) => void;
}

/**
 * Reads a location: its target (a path, a glob or an http(s) URL) and every `Location`
 * entity found there, followed relative to its own file. Each file is read once, so
 * locations that point at each other end. Files are handed to `onFile` one at a time, in
 * order, so a large location is never held in memory whole.
 */
export async function streamLocation(
  target: string,
  options: ReadLocationOptions,
  onFile: (file: FileContents) => Promise<void> | void,
): Promise<{ problems: Problem[] }> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let handedOn = 0;
  const visit = async (pattern: string, fromFile: string, optional = false) => {
    const files = (await expandTarget(pattern, fromFile, options.reader, problems)).filter((file) => !seen.has(file));
    files.forEach((file) => seen.add(file));
    options.onFilesFound?.(seen.size);
    // Reads overlap (a glob can name thousands of files); files are handed on in the glob's
    // order. What waits for its turn is text: a file is parsed when its turn comes (unless
    // it needs other files read, see readSource), so parsed objects do not wait across the
    // write's round trips, outlive young collections and reach V8's old generation.
    await forEachConcurrently(files, READ_CONCURRENCY, (file) => readSource(file, options, optional), async (source) => {
      const { fileContents, nested } = parseSource(source, options.kindRules);
      await onFile(fileContents);
      for (const next of nested) await visit(next.target, source.file, next.optional);
      if (++handedOn % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    });
  };
  const root = isUrl(target) ? target : path.resolve(target);
  await visit(root, root);
  return { problems };
}

/** Reads a whole location into memory (see streamLocation). */
export async function readLocation(target: string, options: ReadLocationOptions): Promise<LocationContents> {
  const files: FileContents[] = [];
  const { problems } = await streamLocation(target, options, (file) => void files.push(file));
  return { files, problems };
}

/**
 * What a file's text is known by between reads. Salted with a version to bump when
 * validation or derivation changes what the same text yields.
 */
export function contentHash(text: string, kindRules: KindRules = {}): string {
  // The kind rules change what the same text yields, so they are part of the salt.
  const rules = JSON.stringify([kindRules.experimentalKinds ?? false, kindRules.allowedKinds ?? null]);
  return createHash('sha256').update(`catalog-ingestion-2 ${rules}\n`).update(text).digest('hex');
}

async function expandTarget(pattern: string, fromFile: string, reader: SourceReader, problems: Problem[]): Promise<string[]> {
  if (isUrl(pattern) || !isDynamicPattern(pattern)) return [pattern];
  let files: string[];
  try {
    files = await reader.list(pattern);
  } catch (error) {
    problems.push({ file: fromFile, entityRef: null, message: error instanceof Error ? error.message : String(error) });
    return [];
  }
  if (!files.length) problems.push({ file: fromFile, entityRef: null, message: `No files match ${pattern}` });
  return files;
}

/** A placeholder's key starts with `$`, which YAML writes as is or as an escape (`\x24`): text with neither holds none. */
const PLACEHOLDER_SIGN = /[$\\]/;

/** A file's documents as parsed, each with its placeholders resolved. */
interface ParsedFile {
  errors: string[];
  documents: { value: unknown; resolved: PlaceholderResult }[];
}

/**
 * A file as read: its text (or why it could not be read) and what it is known by, or its
 * refs alone when it need not be parsed. A text that may hold placeholders is parsed
 * already and its placeholders resolved, as they name other files (URLs, perhaps), whose
 * reads overlap here; any other text waits as text.
 */
interface SourceFile {
  file: string;
  error?: string;
  contentHash?: string;
  unchangedRefs?: string[];
  text?: string;
  parsed?: ParsedFile;
}

async function readSource(file: string, options: ReadLocationOptions, optional: boolean): Promise<SourceFile> {
  let text: string;
  try {
    text = await options.reader.read(file);
  } catch (error) {
    // Backstage's `presence: optional`: a target that does not exist yields nothing, and no error.
    if (optional && error instanceof SourceNotFoundError) return { file, text: '' };
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
  const hash = contentHash(text, options.kindRules);
  const unchangedRefs = options.unchangedRefs?.(file, hash);
  if (unchangedRefs) return { file, contentHash: hash, unchangedRefs };
  if (!PLACEHOLDER_SIGN.test(text)) return { file, contentHash: hash, text };
  const { errors, documents } = parseDescriptors(text, locationRef(file));
  const parsed: ParsedFile = { errors, documents: [] };
  for (const { value } of documents) parsed.documents.push({ value, resolved: await resolvePlaceholders(value, file, options.reader) });
  return { file, contentHash: hash, parsed };
}

/** What a file read yields: its entities and problems, and the targets of its Location entities. */
function parseSource(source: SourceFile, kindRules: KindRules = {}): { fileContents: FileContents; nested: NestedTarget[] } {
  const { file } = source;
  const fileContents: FileContents = { file, ok: true, entities: [], problems: [], selfContained: true, contentHash: source.contentHash };
  const problem = (message: string, entityRef: string | null = null) => {
    fileContents.ok = false;
    fileContents.problems.push({ file, entityRef, message });
  };
  const nested: NestedTarget[] = [];
  if (source.error !== undefined) {
    problem(source.error);
    return { fileContents, nested };
  }
  if (source.unchangedRefs) return { fileContents: { ...fileContents, unchangedRefs: source.unchangedRefs }, nested };
  const parsed = source.parsed ?? withoutPlaceholders(source.text ?? '', file);
  parsed.errors.forEach((message) => problem(message));
  for (const { value, resolved } of parsed.documents) {
    if (!resolved.ok || resolved.value !== value) fileContents.selfContained = false;
    const result = resolved.ok ? processEntity(resolved.value, kindRules) : { ok: false as const, ref: guessEntityRef(value), errors: resolved.errors };
    if (!result.ok) {
      result.errors.forEach((message) => problem(message, result.ref));
      continue;
    }
    fileContents.entities.push({ ...result.entity, file });
    if (result.entity.kind === 'location') {
      fileContents.selfContained = false;
      nested.push(...nestedTargets(result.entity, file, problem));
    }
  }
  return { fileContents, nested };
}

/** The documents of a text that holds no placeholder: nothing to resolve (nor to walk the values for). */
function withoutPlaceholders(text: string, file: string): ParsedFile {
  const { errors, documents } = parseDescriptors(text, locationRef(file));
  return { errors, documents: documents.map(({ value }) => ({ value, resolved: { ok: true, value } })) };
}

/** Backstage's stringifyLocationRef of a file or URL, as its YAML errors name it. */
function locationRef(file: string): string {
  return `${isUrl(file) ? 'url' : 'file'}:${file}`;
}

/** A target a Location entity names, and whether it may be missing (`spec.presence: optional`). */
interface NestedTarget {
  target: string;
  optional: boolean;
}

function nestedTargets(entity: ProcessedEntity, file: string, problem: (message: string, ref?: string) => void): NestedTarget[] {
  const spec = entity.descriptor.spec ?? {};
  const type = typeof spec.type === 'string' ? spec.type : isUrl(file) ? 'url' : 'file';
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (target): target is string => typeof target === 'string',
  );
  if (type !== 'file' && type !== 'url') {
    problem(`Location type "${type}" is not supported; use "file" or "url"`, entity.ref);
    return [];
  }
  if (isUrl(file) && type === 'file') {
    problem(`A Location of type "file" in content read from ${file} is not allowed; remote content may only name URLs`, entity.ref);
    return [];
  }
  const optional = spec.presence === 'optional';
  return targets.flatMap((target) => {
    try {
      return [{ target: resolveRelative(file, target), optional }];
    } catch (error) {
      problem(error instanceof Error ? error.message : String(error), entity.ref);
      return [];
    }
  });
}
