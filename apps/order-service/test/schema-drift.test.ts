import path from 'node:path';
import { expectNoDrift } from '@sneakers/kit/testing';

describe('Database schema', () => {
  it('When schema.prisma and the migrations folder are compared, then they agree', async () => {
    await expectNoDrift(path.resolve(__dirname, '..'));
  });
});
