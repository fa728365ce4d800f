import express, { type RequestHandler } from 'express';
import { HttpErrors } from '../errors';

/** Far beyond any contract (the deepest nests 3), far below what would strain a recursive walk. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether brackets outside strings nest deeper than `max`; counted on the bytes, before parsing. */
function nestsDeeperThan(bytes: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte)) depth--;
  }
  return false;
}

const refuseDeepNesting = (_req: unknown, _res: unknown, bytes: Buffer) => {
  // body-parser keeps this `type` on the error it wraps this in; `asProblem` maps it.
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) throw Object.assign(new Error('too deep'), { type: 'entity.too.deep' });
};

type BodyError = { type?: string; status?: number };

/** body-parser's failures as the problems a client can act on; anything else is ours (a 500). */
function asProblem(error: BodyError): unknown {
  switch (error.type) {
    case 'entity.parse.failed':
      return HttpErrors.malformedJson();
    case 'entity.too.deep':
      return HttpErrors.jsonTooDeep(MAX_JSON_DEPTH);
    case 'entity.too.large':
      return HttpErrors.payloadTooLarge();
    case 'charset.unsupported':
      return HttpErrors.unsupportedMediaType();
    case 'encoding.unsupported':
      return HttpErrors.unsupportedContentEncoding();
    case 'request.aborted':
    case 'request.size.invalid':
      return HttpErrors.malformedRequest('The body is not as long as Content-Length says.');
  }
  // What is left with a 4xx is a decompression error: gzip, deflate or br that is not.
  return error.status !== undefined && error.status < 500 ? HttpErrors.undecodableBody() : error;
}

/**
 * Reads a JSON body (decompressing gzip, deflate or br) up to `limit`. Parsed, it refuses absurd
 * nesting before parsing; `raw` keeps the bytes as they came, for a proxy that does not read them.
 * Every failure leaves as an AppError, so each gets its own problem type.
 */
export function jsonBody({ limit, raw = false }: { limit: string; raw?: boolean }): RequestHandler {
  const read = raw
    ? express.raw({ type: 'application/json', limit })
    : express.json({ limit, strict: true, verify: refuseDeepNesting });
  return (req, res, next) =>
    read(req, res, (error?: unknown) => next(error ? asProblem(error as BodyError) : undefined));
}
