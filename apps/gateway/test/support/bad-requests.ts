import fc from 'fast-check';
import type { RawRequest } from './raw-request';

/** One operation of /openapi.json, with what a valid call of it needs. */
export interface Operation {
  method: string;
  /** OpenAPI style: `/products/{productId}`. */
  path: string;
  queryParams: string[];
  /** Query parameters that are free text: only control characters make them bad. */
  textParams: string[];
  /** Top-level fields the body must have; undefined when the operation takes no body. */
  requiredBody: string[] | undefined;
  idempotent: boolean;
  /** The right role's header, so requests get past the role checks. */
  authorization: string | undefined;
  /** Real (or well-formed) values for the path parameters. */
  pathValues: Record<string, string>;
  /** A body this operation would accept; every request below breaks it (or another part) once. */
  goodBody: Record<string, unknown> | undefined;
}

export interface BadRequest {
  /** What is wrong with it, for the report of a failure. */
  defect: string;
  request: RawRequest;
}

/** One kind of defect: fixed values that are always sent, and a generator for more. */
interface DefectKind<T> {
  fixed: T[];
  generated?: fc.Arbitrary<T>;
  build: (value: T) => BadRequest;
}

const kind = <T>(fixed: T[], build: (value: T) => BadRequest, generated?: fc.Arbitrary<T>): DefectKind<unknown> =>
  ({ fixed, generated, build }) as DefectKind<unknown>;

/** Characters free text must refuse: controls (not tab or newline), and lone surrogates. */
const BAD_CHARS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff'];
const HUGE = 'x'.repeat(100_000);

const nastyString = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...BAD_CHARS), fc.string({ maxLength: 12 }))
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

/** Never a valid count, amount or size: beyond int64, beyond double's range, not whole. */
const NASTY_NUMBERS = [2 ** 63, -(2 ** 63), 1e308, -1e308, 2 ** 53 + 2, 0.5, -0.25, 5e-324];

/** Values no field of any request accepts. */
const FIXED_NASTY: unknown[] = [
  ...BAD_CHARS.map((char) => `Air${char}Max`),
  HUGE,
  2 ** 63,
  -(2 ** 63),
  1e308,
  0.5,
  true,
  { a: 1 },
  [`a${BAD_CHARS[0]}`],
];
const { nasty } = fc.letrec<{ nasty: unknown }>((tie) => ({
  nasty: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.constantFrom(...NASTY_NUMBERS),
    fc.boolean(),
    fc.array(tie('nasty'), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('nasty'), { minKeys: 1, maxKeys: 3 }),
  ),
}));

/** Number literals JSON.stringify cannot write: past double's range, past int64, 400 digits. */
const HUGE_LITERALS = ['1e400', '-1e400', '9223372036854775807', '-9223372036854775809', `1${'0'.repeat(400)}`];

/** Path segments that are broken escapes, or decode to something no id accepts. */
const FIXED_SEGMENTS = [
  '%00',
  '%',
  '%zz',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '%0A',
  '%2e%2e%2f',
  '..%2F..%2Fadmin',
  'x'.repeat(10_000),
  '9'.repeat(40),
  '1e308',
  '-1',
  'null',
  '%20',
];
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return ''; // a lone surrogate cannot be percent-encoded as UTF-8
  }
};
const badSegment = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...FIXED_SEGMENTS.slice(0, 8)))
    .map(([t, bad]) => encode(t) + bad),
  fc.constantFrom(...FIXED_SEGMENTS),
);

/** Query values no filter, limit or cursor accepts (`0x10` or `''` would coerce to numbers). */
const FIXED_QUERY_VALUES = [
  '%00',
  '%1B',
  '%ED%A0%80',
  '%',
  '1e308',
  '-1',
  '9223372036854775808',
  '3000000000',
  '0.5',
  'NaN',
  'Infinity',
];
const badText = nastyString.map(encode).filter((text) => text !== '');
const badQueryValue = fc.oneof(badText, badSegment, fc.constantFrom(...FIXED_QUERY_VALUES));
/** Free text takes `1e308` or `%` as they are; it refuses control characters. */
const FIXED_TEXT_VALUES = ['%00', '%01', '%1B', '%7F', '%C2%85', 'Nike%0ANike'];

const cursorOf = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
/** Cursors a client could forge: dates out of range, ids of the wrong shape, int64 overflow. */
const FIXED_CURSORS = [
  cursorOf({ createdAt: '0000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }),
  cursorOf({ placedAt: '0000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }),
  cursorOf({ issuedAt: '0000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }),
  cursorOf({ createdAt: '0000-01-01T00:00:00Z', id: '1' }),
  cursorOf({ seq: '99999999999999999999' }),
  cursorOf({ s: 'price_asc', k: 2 ** 40, id: '00000000-0000-0000-0000-000000000000' }),
  cursorOf({ s: 'newest', k: '0000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }),
  'not-a-cursor',
  cursorOf([]),
];
const forgedCursor = fc
  .record(
    {
      createdAt: fc.constantFrom(
        '0000-01-01T00:00:00Z',
        '0001-01-01T00:00:00Z',
        '1969-12-31T23:59:59Z',
        '2020-13-45T99:99:99Z',
      ),
      placedAt: fc.constantFrom('0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z'),
      issuedAt: fc.constantFrom('0000-01-01T00:00:00Z', '1900-01-01T00:00:00Z'),
      id: fc.constantFrom('00000000-0000-0000-0000-00000000000g', '\u0000', '99999999999999999999', '-1', ''),
      seq: fc.constantFrom('99999999999999999999', '9223372036854775808', '-1', '1e3'),
      s: fc.constantFrom('newest', 'price_asc', 'popularity', 'x'),
      k: fc.constantFrom<unknown>(2 ** 63, -1, 1e308, 2 ** 31, '0000-01-01T00:00:00Z'),
    },
    { requiredKeys: ['id'] },
  )
  .map(cursorOf);

const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

type Leaf = Array<string | number>;

function leavesOf(value: unknown, at: Leaf = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOf(item, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...at, key]));
  }
  return [at];
}

function replaced(body: unknown, [head, ...rest]: Leaf, value: unknown): unknown {
  if (head === undefined) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

const pathOf = (op: Operation, values: Record<string, string>, query = '') =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '') + query;

/**
 * Every kind of bad request that can be made of this operation, each a valid request but for one
 * defect (so it reaches as deep as that defect allows): `fixed` lists every fixed nasty once,
 * `generated` draws more.
 */
export function badRequests(op: Operation): { fixed: BadRequest[]; generated: fc.Arbitrary<BadRequest> } {
  const kinds = [...transportDefects(op), ...pathAndQueryDefects(op), ...bodyDefects(op)];
  return {
    fixed: kinds.flatMap(({ fixed, build }) => fixed.map(build)),
    generated: fc.oneof(
      ...kinds.map(({ fixed, generated, build }) => (generated ?? fc.constantFrom(...fixed)).map(build)),
    ),
  };
}

function requestsOf(op: Operation) {
  const auth: Record<string, string> = op.authorization ? { authorization: op.authorization } : {};
  const good = op.goodBody === undefined ? undefined : JSON.stringify(op.goodBody);
  const json: Record<string, string> = { ...auth, 'content-type': 'application/json' };
  /** The headers of the valid request: with its body's type when it has one. */
  const valid = good === undefined ? auth : json;
  const request = (defect: string, overrides: Partial<RawRequest>): BadRequest => ({
    defect,
    request: { method: op.method, path: pathOf(op, op.pathValues), headers: valid, body: good, ...overrides },
  });
  return { request, good, json, valid };
}

function transportDefects(op: Operation): Array<DefectKind<unknown>> {
  const { request, good, json, valid } = requestsOf(op);
  const kinds = [
    kind(
      ['{"a":', '{', '{"a":1,}', "{'a':1}", '{"a":undefined}', '[1,]', 'null', '"text"', '1', 'true'],
      (body) => request('malformed JSON', { headers: json, body }),
      fc
        .string()
        .map((text) => `{${text}`)
        .filter(notJson),
    ),
    kind(
      [33, 6000, 30_000],
      (depth) =>
        request(`JSON ${depth} deep`, { headers: json, body: `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}` }),
      fc.integer({ min: 33, max: 30_000 }),
    ),
    kind(['gzip', 'deflate', 'br', 'compress', 'x-bogus', 'gzip, br'], (encoding) =>
      request(`content-encoding ${encoding}`, {
        headers: { ...json, 'content-encoding': encoding },
        body: good ?? '{}',
      }),
    ),
    kind(
      [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/jsonx',
        'application/json; charset=latin1',
        'application/json; charset=bogus',
        'application/json; charset=utf-16le',
      ],
      (type) => request(`content type ${type}`, { headers: { ...valid, 'content-type': type }, body: good ?? '{}' }),
    ),
    kind(['Bearer not.a.jwt', 'Basic YWRtaW46YWRtaW4=', 'Bearer ', 'bearer x.y.z'], (authorization) =>
      request('bad token', { headers: { ...valid, authorization } }),
    ),
    kind<Record<string, string>>([{ authorization: `Bearer ${HUGE}` }, { 'x-junk': HUGE.slice(0, 20_000) }], (big) =>
      request('oversized header', { headers: { ...valid, ...big } }),
    ),
  ];
  if (op.idempotent) {
    kinds.push(
      kind(['', ' ', 'a b', 'x'.repeat(300), 'a/b', '{}', '%00', 'k\u00e9y'], (key) =>
        request('bad Idempotency-Key', { headers: { ...valid, 'idempotency-key': key } }),
      ),
    );
  }
  return kinds;
}

function pathAndQueryDefects(op: Operation): Array<DefectKind<unknown>> {
  const { request } = requestsOf(op);
  const kinds: Array<DefectKind<unknown>> = [];
  const params = Object.keys(op.pathValues);
  const withParam = ([name, value]: [string, string]) =>
    request(`bad ${name}`, { path: pathOf(op, { ...op.pathValues, [name]: value }) });
  if (params.length > 0) {
    const fixed = params.flatMap((name) => FIXED_SEGMENTS.map((value): [string, string] => [name, value]));
    kinds.push(kind(fixed, withParam, fc.tuple(fc.constantFrom(...params), badSegment)));
  } else {
    kinds.push(
      kind(FIXED_SEGMENTS, (junk) => request('bad path escape', { path: `${pathOf(op, {})}${junk}` }), badSegment),
    );
  }
  if (op.queryParams.length > 0) {
    const names = [...op.queryParams, 'unknownParam'];
    const isText = (name: string) => op.textParams.includes(name);
    const withQuery = ([name, value]: [string, string]) =>
      request(`bad ${name}`, { path: pathOf(op, op.pathValues, `?${name}=${value}`) });
    const fixed = names.flatMap((name) =>
      (isText(name) ? FIXED_TEXT_VALUES : FIXED_QUERY_VALUES).map((value): [string, string] => [name, value]),
    );
    const generated = fc
      .constantFrom(...names)
      .chain((name) => fc.tuple(fc.constant(name), isText(name) ? badText : badQueryValue));
    kinds.push(kind(fixed, withQuery, generated));
  }
  if (op.queryParams.includes('cursor')) {
    const withCursor = (cursor: string) =>
      request('forged cursor', { path: pathOf(op, op.pathValues, `?cursor=${cursor}`) });
    kinds.push(kind(FIXED_CURSORS, withCursor, forgedCursor));
  }
  return kinds;
}

function bodyDefects(op: Operation): Array<DefectKind<unknown>> {
  const goodBody = op.goodBody;
  if (goodBody === undefined) return [];
  const { request, json } = requestsOf(op);
  const send = (defect: string, body: unknown) => request(defect, { headers: json, body: JSON.stringify(body) });
  const leaves = leavesOf(goodBody);
  const withLeaf = ([leaf, value]: [Leaf, unknown]) => send(`bad ${leaf.join('.')}`, replaced(goodBody, leaf, value));
  const withLiteral = ([leaf, literal]: [Leaf, string]) =>
    request(`huge number in ${leaf.join('.')}`, {
      headers: json,
      body: JSON.stringify(replaced(goodBody, leaf, '@literal@')).replace('"@literal@"', literal),
    });
  const kinds = [
    kind(
      leaves.flatMap((leaf) => FIXED_NASTY.map((value): [Leaf, unknown] => [leaf, value])),
      withLeaf,
      fc.tuple(fc.constantFrom(...leaves), nasty),
    ),
    kind(
      leaves.flatMap((leaf) => HUGE_LITERALS.map((literal): [Leaf, string] => [leaf, literal])),
      withLiteral,
    ),
    kind([1], (value) => send('unknown field', { ...goodBody, unknownField: value }), fc.jsonValue()),
    kind(
      [[], [goodBody], {}, 'text', 1],
      (body) => send('wrong body type', body),
      fc.oneof(fc.array(nasty, { minLength: 1, maxLength: 3 }), nasty),
    ),
  ];
  const required = op.requiredBody ?? [];
  if (required.length > 0) {
    kinds.push(
      kind(required, (field) => {
        const { [field]: _dropped, ...rest } = goodBody;
        return send(`missing ${field}`, rest);
      }),
    );
  }
  return kinds;
}
