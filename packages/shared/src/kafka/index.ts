export * from './create-kafka';
export * from './ensure-topics';
export * from './topics';
