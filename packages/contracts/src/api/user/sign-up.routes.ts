import { text } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { emailField, newPasswordField, userView } from './user.schemas';

const signUpResponses = {
  201: { description: 'The account was created.', schema: userView },
  400: { description: 'Invalid body or Idempotency-Key.' },
  409: { description: 'The email is already registered (USER.EMAIL_TAKEN).' },
  422: { description: 'The Idempotency-Key was used for a different request.' },
};

export const signUpBuyerRoute = {
  service: 'user-service',
  method: 'post',
  path: '/users/buyers',
  summary: 'Sign up as a buyer',
  tag: 'users',
  access: 'public',
  idempotent: true,
  body: z.strictObject({ email: emailField, password: newPasswordField }),
  responses: signUpResponses,
} satisfies PlatformRoute;

export const signUpSellerRoute = {
  service: 'user-service',
  method: 'post',
  path: '/users/sellers',
  summary: 'Sign up as a seller (PENDING until an admin approves the store)',
  tag: 'users',
  access: 'public',
  idempotent: true,
  body: z.strictObject({
    email: emailField,
    password: newPasswordField,
    storeName: text({ max: 100 }),
  }),
  responses: signUpResponses,
} satisfies PlatformRoute;
