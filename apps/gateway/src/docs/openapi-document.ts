import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { PROBLEM_BASE, type RouteContract } from '@sneakers/kit';
import { z } from 'zod';

// Adds .openapi() to zod's prototype; the contracts' schemas (same zod instance) gain it too.
extendZodWithOpenApi(z);

const problem = z.object({
  type: z.string().describe(`Stable problem type, e.g. ${PROBLEM_BASE}auth/missing-token`),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  requestId: z.string().optional(),
});

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .describe('Repeat a request safely: the same key and body replay the first answer.'),
});

/** Answers any route can get from the gateway or a crowded service: wait Retry-After, then retry. */
const RETRYABLE = {
  429: 'Too many requests from this caller (gateway/too-many-requests).',
  503: 'A service is down (gateway/service-unavailable), busy (http/service-busy) or its database could not finish the request (http/database-unavailable); nothing was done.',
  504: 'A service did not answer in time (gateway/upstream-timeout); a write may still have happened.',
} as const;

/** A service reads a request without a body as `{}` (route-handler), so it needs one unless `{}` will do. */
function needsBody(body: z.ZodType): boolean {
  return !body.safeParse({}).success;
}

function accessText(route: RouteContract): string {
  if (route.access === 'public') return 'Public.';
  if (route.access === 'authenticated') return 'Requires a bearer token (any role).';
  return `Requires a bearer token of role ${route.access.join(' or ')}.`;
}

/** The platform's one OpenAPI document, generated from the same zod contracts the services validate with. */
export function openApiDocument(routes: readonly RouteContract[]) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const problemRef = registry.register('Problem', problem);
  const problemContent = { 'application/problem+json': { schema: problemRef } };
  const retryAfter = {
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const } },
  };
  const retryable = Object.fromEntries(
    Object.entries(RETRYABLE).map(([status, description]) => [
      status,
      { description, headers: retryAfter, content: problemContent },
    ]),
  );
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: accessText(route),
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(route.body
          ? { body: { required: needsBody(route.body), content: { 'application/json': { schema: route.body } } } }
          : {}),
        ...(route.query ? { query: route.query as z.ZodObject } : {}),
        ...(route.params ? { params: route.params as z.ZodObject } : {}),
        ...(route.idempotent ? { headers: idempotencyHeader } : {}),
      },
      responses: {
        // A route's own answer for one of these statuses (e.g. a claim's 503) replaces the generic one.
        ...retryable,
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, { description, schema }]) => [
            status,
            { description, ...(schema ? { content: { 'application/json': { schema } } } : {}) },
          ]),
        ),
        default: { description: 'A problem (RFC 9457)', content: problemContent },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sneakers Commerce API',
      version: '1.0.0',
      description:
        'Every public endpoint of the platform, through the gateway. Money is integer KRW. After a 429, ' +
        '503 or 504, wait Retry-After seconds and send the request again; send a write again under the ' +
        'same Idempotency-Key, so that one which did go through is replayed, not repeated.',
    },
    servers: [{ url: '/' }],
  });
}
