import type { RouteContract } from '@sneakers/kit';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from './openapi-document';

/** `/openapi.json` and Swagger UI at `/docs`, whose Authorize button takes a bearer token. */
export function docsRouter(routes: readonly RouteContract[]): Router {
  const document = openApiDocument(routes);
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Sneakers Commerce API',
      swaggerOptions: { url: '/openapi.json', persistAuthorization: true },
    }),
  );
  return router;
}
