export * from './context';
export * from './dispatch';
export * from './transport';
export { openDatabase, DatabaseOpenError, schemaVersion } from '../db/open';
