export * from './consumer-contract';
export * from './contract-breaks';
export * from './load-consumer-contracts';
