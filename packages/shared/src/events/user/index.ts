export * from './seller-approved.event';
export * from './user-registered.event';
