import { PrismaPg } from '@prisma/adapter-pg';

type ClientWithAdapter<C> = new (options: { adapter: PrismaPg }) => C;

/** A service's generated Prisma client on the pg driver adapter (no native engine needed). */
export function createPrismaClient<C>(Client: ClientWithAdapter<C>, connectionString: string, max = 10): C {
  return new Client({ adapter: new PrismaPg({ connectionString, max }) });
}
