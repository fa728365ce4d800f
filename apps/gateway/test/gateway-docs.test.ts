import { compileErrors, validate } from '@readme/openapi-parser';
import { PUBLIC_ROUTES } from '@sneakers/contracts';
import request from 'supertest';
import { openApiDocument } from '../src/docs/openapi-document';
import { testRoutes, useGateway } from './support/gateway-fixture';

type Operation = { tags: string[]; requestBody?: { required?: boolean } };
type Schema = {
  type?: string;
  pattern?: string;
  enum?: unknown[];
  format?: string;
  const?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Input = {
  requestBody?: { content: Record<string, { schema?: Schema }> };
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
};

/** The document the platform serves, and each of its operations with the contract it came from. */
function platformDocument() {
  const document = openApiDocument(PUBLIC_ROUTES);
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return {
    document,
    operations: PUBLIC_ROUTES.map((route) => ({ route, operation: paths[route.path]?.[route.method] })),
  };
}

describe('Gateway OpenAPI and Swagger UI', () => {
  const gateway = useGateway({ fixture: {} });

  it('When /openapi.json is read, then every public route is documented with its access and schemas', async () => {
    const res = await request(gateway.fixture().app).get('/openapi.json');
    expect(res.status).toBe(200);
    for (const route of testRoutes) {
      const operation = res.body.paths[route.path]?.[route.method];
      expect(operation).toBeDefined();
      expect(operation.security).toEqual(route.access === 'public' ? [] : [{ bearerAuth: [] }]);
    }
    const buy = res.body.paths['/wallet/things'].post;
    expect(buy.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { amount: { type: 'integer' } },
      additionalProperties: false,
    });
    expect(buy.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]),
    );
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('When /openapi.json is read, then every route documents 429, 503 and 504 with Retry-After', async () => {
    const res = await request(gateway.fixture().app).get('/openapi.json');
    for (const route of testRoutes) {
      const { responses } = res.body.paths[route.path][route.method];
      for (const status of ['429', '503', '504']) {
        expect(responses[status].headers['Retry-After'].schema).toEqual({ type: 'integer' });
        expect(responses[status].content['application/problem+json'].schema).toEqual({
          $ref: '#/components/schemas/Problem',
        });
      }
    }
  });

  it("When the platform's document is validated against the OpenAPI 3.1 specification, then it passes", async () => {
    const { document } = platformDocument();

    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);

    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(result.warnings).toEqual([]);
  });

  it('When an operation takes a body, then the document says the body is required', () => {
    const withBody = platformDocument().operations.filter(({ route }) => route.body);

    expect(withBody.length).toBeGreaterThan(10);
    for (const { route, operation } of withBody)
      expect({ [`${route.method} ${route.path}`]: operation?.requestBody?.required }).toEqual({
        [`${route.method} ${route.path}`]: true,
      });
  });

  it('When the operations are grouped, then every tag has one style: lower-case words', () => {
    const tags = new Set(platformDocument().operations.flatMap(({ operation }) => operation?.tags ?? []));

    expect([...tags].filter((tag) => !/^[a-z]+( [a-z]+)*$/.test(tag))).toEqual([]);
    expect(tags.size).toBeGreaterThan(5);
  });

  it('When a client sends a string (body field or query parameter), then the document bounds it by a pattern, an enum or a format', () => {
    // Log-in compares the password with its hash and stores nothing: any password a person once set
    // must still log in. A cursor is opaque: each list checks it against its own position shape.
    const unbounded: string[] = [];
    const walk = (where: string, schema: Schema | undefined): void => {
      if (!schema) return;
      const bounded = schema.pattern || schema.enum || schema.format || schema.const || where.endsWith(' cursor');
      if (schema.type === 'string' && !bounded) unbounded.push(where);
      for (const [name, property] of Object.entries(schema.properties ?? {})) walk(`${where}.${name}`, property);
      walk(`${where}[]`, schema.items);
      for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(where, option);
    };
    for (const [path, methods] of Object.entries(
      platformDocument().document.paths as Record<string, Record<string, Input>>,
    )) {
      for (const [method, input] of Object.entries(methods)) {
        const id = `${method.toUpperCase()} ${path}`;
        walk(`${id} body`, input.requestBody?.content['application/json']?.schema);
        for (const parameter of input.parameters ?? []) {
          if (parameter.in !== 'header') walk(`${id} ${parameter.name}`, parameter.schema);
        }
      }
    }
    expect(unbounded).toEqual(['POST /auth/login body.password']);
  });

  it('When /docs is opened, then Swagger UI is served', async () => {
    const res = await request(gateway.fixture().app).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
