import type { FileContents, Problem } from './readLocation';

/**
 * One location must not define an entity twice: the first definition stays, and the
 * file holding a later one gets a problem (so, all or nothing, that file does not apply).
 */
export function dedupeByRef(files: FileContents[]): { files: FileContents[]; duplicates: Problem[] } {
  const firstFile = new Map<string, string>();
  const duplicates: Problem[] = [];
  const deduped = files.map((file) => {
    const entities = file.entities.filter((entity) => {
      const first = firstFile.get(entity.ref);
      if (first === undefined) {
        firstFile.set(entity.ref, file.file);
        return true;
      }
      duplicates.push({ file: file.file, entityRef: entity.ref, message: `Entity ${entity.ref} is already defined in ${first}` });
      return false;
    });
    return entities.length === file.entities.length ? file : { ...file, entities, ok: false };
  });
  return { files: deduped, duplicates };
}
