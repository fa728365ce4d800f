/** Who the seed creates; the walkthrough and the start-up banner sign in with these. */
export const DEMO_ADMIN = { email: 'admin@sneakers.local', password: 'admin-dev-password' };
export const DEMO_PASSWORD = 'sneakers-demo-1';
export const DEMO_SELLERS = [
  { email: 'seoul-kicks@sneakers.local', storeName: 'Seoul Kicks' },
  { email: 'busan-sole@sneakers.local', storeName: 'Busan Sole Supply' },
];
export const DEMO_BUYER = { email: 'buyer@sneakers.local', balance: 2_000_000 };
export const DEMO_COUPON_NAME = 'Launch week 10% (up to 20,000 KRW)';
