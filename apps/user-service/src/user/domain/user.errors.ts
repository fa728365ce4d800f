import { AppError } from '@sneakers/kit/app-error';

export const UserErrors = {
  emailTaken: () =>
    new AppError('USER.EMAIL_TAKEN', 409, 'Email already registered', {
      detail: 'An account with this email exists; log in, or sign up with another email.',
    }),
  // Deliberately the same for an unknown email and a wrong password.
  invalidCredentials: () =>
    new AppError('USER.INVALID_CREDENTIALS', 401, 'Invalid credentials', {
      detail: 'The email or the password is wrong.',
    }),
  notFound: (userId: string) =>
    new AppError('USER.NOT_FOUND', 404, 'User not found', { detail: `There is no user ${userId}.` }),
  notASeller: (userId: string) =>
    new AppError('USER.NOT_A_SELLER', 409, 'Not a seller', {
      detail: `User ${userId} is not a seller; only sellers are approved or suspended.`,
    }),
  storeNameRequired: () =>
    new AppError('USER.STORE_NAME_REQUIRED', 400, 'Store name required', { detail: 'A seller needs a store name.' }),
} as const;
