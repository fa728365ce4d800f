export * from './create-kafka';
export * from './create-producer';
export * from './ensure-topics';
export * from './topics';
