export * from './id-number';
export * from './credit-code';
export * from './money';
export * from './dates';
export * from './case-number';
export * from './case-terms';
export * from './roles';
