/**
 * Layer rules of the services, checked by `npm run lint:deps` (part of `npm test`). Each rule's
 * comment is what a violation prints: which rule and why it exists.
 * @type {import('dependency-cruiser').IConfiguration}
 */
// Any domain/ folder of a service's src; two patterns, since one would need a nested quantifier,
// which dependency-cruiser refuses as an unsafe regular expression.
const DOMAIN = ['^apps/[^/]+/src/domain/', '^apps/[^/]+/src/.*/domain/'];

module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment:
        'A domain file (src/**/domain/**) decides, it does no I/O: it must not reach Prisma (or a generated ' +
        'client), kafkajs, express, pg or ioredis, not even through another module. Take plain types in, ' +
        'and let the use case and the repository talk to the outside world.',
      from: { path: DOMAIN },
      to: {
        path: ['(^|/)node_modules/(@types/)?(@prisma/[^/]+|prisma|kafkajs|express|pg|ioredis)/', '/generated/prisma/'],
        reachable: true,
      },
    },
    {
      name: 'domain-not-on-kit-runtime',
      severity: 'error',
      comment:
        'A domain file may use only the pure, dependency-free parts of the kit and the contracts through ' +
        'their own entry points (@sneakers/kit/app-error, /events, /identity; @sneakers/contracts/events, ' +
        '/discount). The barrels (@sneakers/kit, @sneakers/contracts) and the rest of the kit (http, db, ' +
        'outbox, inbox, kafka, telemetry, ...) are runtime: importing them ties the decision to the ' +
        'machinery that carries it out.',
      from: { path: DOMAIN },
      to: {
        path: '^packages/(kit|contracts)/src/',
        pathNot: [
          '^packages/kit/src/errors/app-error\\.ts$',
          '^packages/kit/src/events/',
          '^packages/kit/src/auth/identity\\.ts$',
          '^packages/contracts/src/events/',
          '^packages/contracts/src/discount/',
        ],
      },
    },
    {
      name: 'kit-knows-no-contract',
      severity: 'error',
      comment:
        'The kit (packages/kit) is the machinery any service could run on: it must not import the ' +
        "contracts, which name this platform's services, topics and payload fields. Take what it needs " +
        'as an option the service passes (a topic list, log fields, a service name).',
      from: { path: '^packages/kit/' },
      to: { path: '^packages/contracts/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Two modules that import each other cannot be understood, tested or loaded one without the other ' +
        '(and CommonJS hands one of them a half-initialised module). Move what both need into a third file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-sibling-use-case',
      severity: 'error',
      comment:
        'A use case (use-cases/<verb-noun>/) stands alone: it must not import a sibling use case folder. ' +
        'Move what both need beside the aggregate (domain/, <aggregate>.repository.ts, ...) so either can ' +
        'change or go without breaking the other.',
      from: { path: '^(apps/[^/]+/src/.*/use-cases/)([^/]+)/' },
      to: { path: '^$1[^/]+/', pathNot: '^$1$2/' },
    },
    {
      name: 'no-service-imports-another-app',
      severity: 'error',
      comment:
        'Services talk through Kafka events and HTTP contracts (in @sneakers/contracts), never through each ' +
        "other's code: one app's src must not import another app. apps/platform is exempt: it is the " +
        'composition root that starts every service in one process.',
      from: { path: '^apps/([^/]+)/src/', pathNot: '^apps/platform/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    // Packages and generated Prisma clients are seen as targets (the domain rule names them), not cruised.
    doNotFollow: { path: ['node_modules', '/generated/prisma/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
