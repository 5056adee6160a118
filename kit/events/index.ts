export * from './eventTypes';
export * from './eventLog';
export * from './eventRetention';
export * from './eventSignals';
export * from './eventsRoute';
export * from './eventSources';
export * from './feedCursor';
export * from './mergedFeed';
