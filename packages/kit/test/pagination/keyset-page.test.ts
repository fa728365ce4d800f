import { z } from 'zod';
import { AppError } from '../../src/errors';
import { type Keyset, type KeysetWindow, keysetPage, positionInstant } from '../../src/pagination';

interface Row {
  at: Date;
  id: string;
}

const byAt: Keyset<Row, Row> = {
  position: z.strictObject({ at: positionInstant(), id: z.uuid() }),
  positionOf: ({ at, id }) => ({ at, id }),
};
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Newest first by (at, id); rows 2–4 share one instant, so only the id tells them apart.
const ROWS: Row[] = [
  { at: new Date('2026-03-05T00:00:00.000Z'), id: uuid(9) },
  { at: new Date('2026-03-04T00:00:00.000Z'), id: uuid(8) },
  { at: new Date('2026-03-04T00:00:00.000Z'), id: uuid(5) },
  { at: new Date('2026-03-04T00:00:00.000Z'), id: uuid(3) },
  { at: new Date('2026-03-01T00:00:00.000Z'), id: uuid(7) },
];

/** The table's query: strictly after the position in (at, id) descending order. */
function rowsOf(table: Row[], fetched: Array<KeysetWindow<Row>>) {
  return async (window: KeysetWindow<Row>) => {
    fetched.push(window);
    const { after } = window;
    const past = (row: Row) =>
      !after || row.at < after.at || (row.at.getTime() === after.at.getTime() && row.id < after.id);
    return table.filter(past).slice(0, window.take);
  };
}

function page(table: Row[], query: { limit: number; cursor?: string }, fetched: Array<KeysetWindow<Row>> = []) {
  return keysetPage(query, byAt, rowsOf(table, fetched));
}

describe('keysetPage', () => {
  it.each([1, 2, 3, 5, 6])(
    'When a list is walked %i rows a page, then every row comes once, in order, and the last page has no next cursor',
    async (limit) => {
      const seen: Row[] = [];
      let cursor: string | undefined;
      do {
        const { items, nextCursor } = await page(ROWS, { limit, cursor });
        expect(items.length).toBeLessThanOrEqual(limit);
        seen.push(...items);
        cursor = nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ROWS);
    },
  );

  it('When a page is read, then one row more than the limit is asked for, after the position of the cursor', async () => {
    const fetched: Array<KeysetWindow<Row>> = [];
    const first = await page(ROWS, { limit: 2 }, fetched);
    await page(ROWS, { limit: 2, cursor: first.nextCursor ?? '' }, fetched);
    expect(fetched).toEqual([
      { after: undefined, take: 3 },
      { after: ROWS[1], take: 3 },
    ]);
  });

  it('When the rows exactly fill the page, then there is no next cursor', async () => {
    expect(await page(ROWS, { limit: ROWS.length })).toEqual({ items: ROWS, nextCursor: null });
  });

  it("When a page has a next cursor, then it is the last row's position as JSON in base64url", async () => {
    const { nextCursor } = await page(ROWS, { limit: 1 });
    const held = JSON.parse(Buffer.from(nextCursor ?? '', 'base64url').toString('utf8'));
    expect(held).toEqual({ at: '2026-03-05T00:00:00.000Z', id: uuid(9) });
  });

  it('When a cursor is written with another offset, then it decodes to the same instant', async () => {
    const cursor = Buffer.from(JSON.stringify({ at: '2026-03-04T09:00:00+09:00', id: uuid(5) })).toString('base64url');
    expect((await page(ROWS, { limit: 5, cursor })).items).toEqual(ROWS.slice(3));
  });

  const cursorOf = (held: unknown) => Buffer.from(JSON.stringify(held)).toString('base64url');
  it.each([
    ['is empty', ''],
    ['is not base64url JSON', 'garbage'],
    ['holds another shape', cursorOf({ createdAt: '2026-03-04T00:00:00.000Z', id: uuid(5) })],
    ['holds a field too many', cursorOf({ at: '2026-03-04T00:00:00.000Z', id: uuid(5), page: 2 })],
    ['holds an instant in year 0', cursorOf({ at: '0000-01-01T00:00:00Z', id: uuid(5) })],
    ['holds an id that is no uuid', cursorOf({ at: '2026-03-04T00:00:00.000Z', id: '1' })],
  ])('When the cursor %s, then 400 invalid-cursor and nothing is fetched', async (_case, cursor) => {
    const fetched: Array<KeysetWindow<Row>> = [];
    const refused = await page(ROWS, { limit: 2, cursor }, fetched).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'HTTP.INVALID_CURSOR', status: 400 });
    expect(fetched).toEqual([]);
  });
});
