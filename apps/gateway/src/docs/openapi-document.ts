import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { PROBLEM_BASE, type RouteContract } from '@sneakers/shared';
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
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: accessText(route),
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
        ...(route.query ? { query: route.query as z.ZodObject } : {}),
        ...(route.params ? { params: route.params as z.ZodObject } : {}),
        ...(route.idempotent ? { headers: idempotencyHeader } : {}),
      },
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, { description, schema }]) => [
            status,
            { description, ...(schema ? { content: { 'application/json': { schema } } } : {}) },
          ]),
        ),
        default: {
          description: 'A problem (RFC 9457)',
          content: { 'application/problem+json': { schema: problemRef } },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sneakers Commerce API',
      version: '1.0.0',
      description: 'Every public endpoint of the platform, through the gateway. Money is integer KRW.',
    },
    servers: [{ url: '/' }],
  });
}
