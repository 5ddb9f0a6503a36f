export * from './result';
export * from './schemas';
export * from './views';
export * from './operations';
export * from './operation-names';
export * from './calculator-schemas';
export * from './operation-kinds';
export * from './supervision-views';
