import { jwksRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { AuthDeps } from '../../auth.deps';

export function serveJwks(router: Router, deps: Pick<AuthDeps, 'signingKeys'>): void {
  handle(router, jwksRoute, async () => ({
    status: 200,
    body: await deps.signingKeys.jwks(),
    // Short, because verifiers meet a freshly rotated key's kid only after their copy expires
    // (jose re-fetches on an unknown kid, but a proxy cache in between would not).
    headers: { 'Cache-Control': 'public, max-age=60' },
  }));
}
