import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseDescriptors } from './parseDescriptors';
import { processEntity, type ProcessedEntity } from './processEntity';

/** Descriptor files larger than this are refused rather than parsed. */
export const MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024;

export interface Problem {
  file: string;
  entityRef: string | null;
  message: string;
}

/** An entity with the file it was read from, so problems can name the file. */
export type SourcedEntity = ProcessedEntity & { file: string };

export interface LocationContents {
  entities: SourcedEntity[];
  problems: Problem[];
  files: string[];
}

/**
 * Reads a file location: the target (a path or a glob), and every `Location` entity found
 * there, followed relative to its own file. Each file is read once, so loops end.
 */
export async function readLocation(target: string): Promise<LocationContents> {
  const contents: LocationContents = { entities: [], problems: [], files: [] };
  const seen = new Set<string>();
  const visit = async (pattern: string, fromFile: string) => {
    for (const file of await expandTarget(pattern, fromFile, contents.problems)) {
      if (seen.has(file)) continue;
      seen.add(file);
      contents.files.push(file);
      for (const nested of await readDescriptorFile(file, contents)) await visit(nested, file);
    }
  };
  await visit(path.resolve(target), path.resolve(target));
  return contents;
}

async function expandTarget(pattern: string, fromFile: string, problems: Problem[]): Promise<string[]> {
  if (isDynamicPattern(pattern)) {
    const files = await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false });
    if (!files.length) problems.push({ file: fromFile, entityRef: null, message: `No files match ${pattern}` });
    return files.sort();
  }
  try {
    if ((await stat(pattern)).isFile()) return [pattern];
    problems.push({ file: fromFile, entityRef: null, message: `${pattern} is not a file` });
  } catch {
    problems.push({ file: fromFile, entityRef: null, message: `File not found: ${pattern}` });
  }
  return [];
}

/** Reads one file into `contents`; returns the targets of the Location entities it holds. */
async function readDescriptorFile(file: string, contents: LocationContents): Promise<string[]> {
  const problem = (message: string, entityRef: string | null = null) => contents.problems.push({ file, entityRef, message });
  const size = (await stat(file)).size;
  if (size > MAX_DESCRIPTOR_BYTES) {
    problem(`File is ${size} bytes, larger than the ${MAX_DESCRIPTOR_BYTES} allowed for a descriptor file`);
    return [];
  }
  const parsed = parseDescriptors(await readFile(file, 'utf8'));
  parsed.errors.forEach((message) => problem(message));
  const nested: string[] = [];
  for (const { value } of parsed.documents) {
    const result = processEntity(value);
    if (!result.ok) {
      result.errors.forEach((message) => problem(message, result.ref));
      continue;
    }
    contents.entities.push({ ...result.entity, file });
    if (result.entity.kind === 'location') nested.push(...nestedTargets(result.entity, file, problem));
  }
  return nested;
}

function nestedTargets(entity: ProcessedEntity, file: string, problem: (message: string, ref?: string) => void): string[] {
  const spec = entity.descriptor.spec ?? {};
  const type = typeof spec.type === 'string' ? spec.type : 'file';
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (target): target is string => typeof target === 'string',
  );
  if (type !== 'file') {
    problem(`Location type "${type}" is not supported yet; only "file" locations are read`, entity.ref);
    return [];
  }
  return targets.map((target) => path.resolve(path.dirname(file), target));
}
