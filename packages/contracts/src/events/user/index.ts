export * from './seller-approved.event';
export * from './seller-suspended.event';
export * from './user-registered.event';
