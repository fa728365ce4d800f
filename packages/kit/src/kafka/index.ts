export * from './create-kafka';
export * from './create-producer';
export * from './ensure-topics';
export * from './fetch-wait';
export * from './topics';
