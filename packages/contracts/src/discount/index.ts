export * from './compute-discount';
export * from './discount-rule';
