import { glob, isDynamicPattern } from 'tinyglobby';
import path from 'node:path';
import { parseDescriptors } from './parseDescriptors';
import { guessEntityRef, processEntity, type ProcessedEntity } from './processEntity';
import { resolvePlaceholders } from './resolvePlaceholders';
import { mapConcurrently } from './mapConcurrently';
import { isUrl, resolveRelative, type SourceReader } from './sourceReader';

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
}

export interface LocationContents {
  files: FileContents[];
  /** Problems that belong to no file that could be read (a missing target, say). */
  problems: Problem[];
}

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 32;

export interface ReadLocationOptions {
  reader: SourceReader;
  /** Called after each file, for progress lines on long reads. */
  onFile?: (filesRead: number) => void;
}

/**
 * Reads a location: its target (a path, a glob or an http(s) URL) and every `Location`
 * entity found there, followed relative to its own file. Each file is read once, so
 * locations that point at each other end.
 */
export async function readLocation(target: string, options: ReadLocationOptions): Promise<LocationContents> {
  const contents: LocationContents = { files: [], problems: [] };
  const seen = new Set<string>();
  const visit = async (pattern: string, fromFile: string) => {
    const files = (await expandTarget(pattern, fromFile, contents.problems)).filter((file) => !seen.has(file));
    files.forEach((file) => seen.add(file));
    // Reads overlap (a glob can name thousands of files); results keep the glob's order.
    const read = await mapConcurrently(files, READ_CONCURRENCY, (file) => readDescriptorFile(file, options.reader));
    for (const { fileContents, nested } of read) {
      contents.files.push(fileContents);
      options.onFile?.(contents.files.length);
      for (const next of nested) await visit(next, fileContents.file);
    }
  };
  const root = isUrl(target) ? target : path.resolve(target);
  await visit(root, root);
  return contents;
}

async function expandTarget(pattern: string, fromFile: string, problems: Problem[]): Promise<string[]> {
  if (isUrl(pattern) || !isDynamicPattern(pattern)) return [pattern];
  const files = await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false });
  if (!files.length) problems.push({ file: fromFile, entityRef: null, message: `No files match ${pattern}` });
  return files.sort();
}

async function readDescriptorFile(file: string, reader: SourceReader) {
  const fileContents: FileContents = { file, ok: true, entities: [], problems: [] };
  const problem = (message: string, entityRef: string | null = null) => {
    fileContents.ok = false;
    fileContents.problems.push({ file, entityRef, message });
  };
  const nested: string[] = [];
  let text: string;
  try {
    text = await reader.read(file);
  } catch (error) {
    problem(error instanceof Error ? error.message : String(error));
    return { fileContents, nested };
  }
  const parsed = parseDescriptors(text);
  parsed.errors.forEach((message) => problem(message));
  for (const { value } of parsed.documents) {
    const resolved = await resolvePlaceholders(value, file, reader);
    const result = resolved.ok ? processEntity(resolved.value) : { ok: false as const, ref: guessEntityRef(value), errors: resolved.errors };
    if (!result.ok) {
      result.errors.forEach((message) => problem(message, result.ref));
      continue;
    }
    fileContents.entities.push({ ...result.entity, file });
    if (result.entity.kind === 'location') nested.push(...nestedTargets(result.entity, file, problem));
  }
  return { fileContents, nested };
}

function nestedTargets(entity: ProcessedEntity, file: string, problem: (message: string, ref?: string) => void): string[] {
  const spec = entity.descriptor.spec ?? {};
  const type = typeof spec.type === 'string' ? spec.type : isUrl(file) ? 'url' : 'file';
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (target): target is string => typeof target === 'string',
  );
  if (type !== 'file' && type !== 'url') {
    problem(`Location type "${type}" is not supported; use "file" or "url"`, entity.ref);
    return [];
  }
  return targets.map((target) => resolveRelative(file, target));
}
