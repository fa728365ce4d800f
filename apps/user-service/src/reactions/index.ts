import type { Reaction } from '@sneakers/kit';
import type { Tx } from '../prisma';

/** Every event this service reacts to, in one list (empty until its use cases arrive). */
export const reactions: Reaction<Tx>[] = [];
