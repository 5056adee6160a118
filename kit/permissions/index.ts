export * from './configPolicy';
export * from './definePolicy';
export * from './entityRules';
export * from './identityHeader';
export * from './identityRefs';
export * from './loadPolicyFile';
export * from './permissionTypes';
export * from './requestAccess';
