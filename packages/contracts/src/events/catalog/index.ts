export * from './product-published.event';
export * from './product-updated.event';
export * from './stock-rejected.event';
export * from './stock-reserved.event';
