import request from 'supertest';
import { testRoutes, useGateway } from './support/gateway-fixture';

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

  it('When /docs is opened, then Swagger UI is served', async () => {
    const res = await request(gateway.fixture().app).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
