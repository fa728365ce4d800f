import { randomUUID } from 'node:crypto';
import type { SellerStatus } from '@sneakers/kit/identity';
import { UserErrors } from './user.errors';

interface Account {
  id: string;
  /** Lower-cased: one account per address whatever its spelling. */
  email: string;
  passwordHash: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Admin extends Account {
  role: 'ADMIN';
}

export interface Buyer extends Account {
  role: 'BUYER';
}

/** The users table lets the seller columns be null (for the other roles); a Seller never has them null. */
export interface Seller extends Account {
  role: 'SELLER';
  storeName: string;
  sellerStatus: SellerStatus;
  approvedAt: Date | null;
}

export type User = Admin | Buyer | Seller;

export interface NewAccount {
  email: string;
  passwordHash: string;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

function account({ email, passwordHash }: NewAccount, now: Date): Account {
  return { id: randomUUID(), email: normalizeEmail(email), passwordHash, createdAt: now, updatedAt: now };
}

export const newAdmin = (input: NewAccount, now: Date): Admin => ({ ...account(input, now), role: 'ADMIN' });

export const newBuyer = (input: NewAccount, now: Date): Buyer => ({ ...account(input, now), role: 'BUYER' });

/** A seller starts PENDING: it may sign in and see its status, but sells only once approved. */
export function newSeller(input: NewAccount & { storeName: string }, now: Date): Seller {
  const storeName = input.storeName.trim();
  if (storeName.length === 0) throw UserErrors.storeNameRequired();
  return { ...account(input, now), role: 'SELLER', storeName, sellerStatus: 'PENDING', approvedAt: null };
}

export function asSeller(user: User): Seller {
  if (user.role !== 'SELLER') throw UserErrors.notASeller(user.id);
  return user;
}

export type ApprovedSeller = Seller & { sellerStatus: 'APPROVED'; approvedAt: Date };

/** Approves a pending seller or reinstates a suspended one; null when already approved (nothing to announce). */
export function approve(seller: Seller, now: Date): ApprovedSeller | null {
  if (seller.sellerStatus === 'APPROVED') return null;
  return { ...seller, sellerStatus: 'APPROVED', approvedAt: now, updatedAt: now };
}

/** Suspends an approved or a pending seller; null when already suspended. */
export function suspend(seller: Seller, now: Date): Seller | null {
  if (seller.sellerStatus === 'SUSPENDED') return null;
  return { ...seller, sellerStatus: 'SUSPENDED', updatedAt: now };
}
