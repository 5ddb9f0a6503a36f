export * from './context';
export * from './dispatch';
export * from './transport';
export { warmDocuments } from './documents';
export { openDatabase, DatabaseOpenError, schemaVersion } from '../db/open';
