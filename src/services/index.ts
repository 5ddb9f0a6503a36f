export * from './context';
export * from './dispatch';
export { openDatabase, DatabaseOpenError, schemaVersion } from '../db/open';
