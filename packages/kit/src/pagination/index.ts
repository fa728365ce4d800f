export * from './cursor-page';
export * from './keyset-page';
export * from './keyset-positions';
export * from './keyset-where';
