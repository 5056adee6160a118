export * from './entityRef';
export * from './entityTypes';
export * from './relationTypes';
export * from './validateEntity';
export * from './deriveRelations';
export { BUILTIN_KINDS, isBuiltinKind } from './validation/kinds/validateKind';
export * from './placeholders';
