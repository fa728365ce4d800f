import { hopOf, serviceOf, type ZipkinSpan } from './zipkin';

/** The services a checkout passes through, the gateway first. user-service has no part in it. */
export const CHECKOUT_SERVICES = ['gateway', 'order-service', 'catalog-service', 'coupon-service', 'payment-service'];

// Causal chains that must hold in a checkout's trace: each hop descends from the one before it.
// Kafka hops are a producer span (the relay, in the writer's trace) and the consumer's span under it.
const CAUSAL_CHAINS = [
  [
    'gateway post /orders',
    'order-service publish order.placed',
    'catalog-service process order.placed',
    'catalog-service publish stock.reserved',
    'order-service process stock.reserved',
  ],
  [
    'order-service publish order.placed',
    'coupon-service process order.placed',
    'coupon-service publish coupon.reserved',
    'order-service process coupon.reserved',
  ],
  [
    'gateway post /orders',
    'order-service publish order.awaiting-payment',
    'payment-service process order.awaiting-payment',
    'payment-service pay order',
    'payment-service publish payment.completed',
    'order-service process payment.completed',
    'order-service publish order.paid',
  ],
  ['order-service publish order.paid', 'catalog-service process order.paid'],
  ['order-service publish order.paid', 'coupon-service process order.paid'],
  ['order-service publish order.paid', 'payment-service process order.paid'],
  ['order-service publish order.paid', 'order-service process order.paid'],
];

const isPostgres = (span: ZipkinSpan) => (span.tags?.['db.system.name'] ?? span.tags?.['db.system']) === 'postgresql';

/** The gateway's POST /orders server span, when `trace` is rooted at one. */
export function placeOrderRoot(trace: ZipkinSpan[]): ZipkinSpan | undefined {
  const roots = trace.filter((span) => span.parentId === undefined);
  const [root] = roots;
  return roots.length === 1 &&
    root &&
    serviceOf(root) === 'gateway' &&
    root.kind === 'SERVER' &&
    root.name === 'post /orders'
    ? root
    : undefined;
}

/**
 * What is wrong with `trace` as one whole checkout; empty when nothing is. Checked: one root (the
 * gateway's POST /orders), no span whose parent is missing, every checkout service present, HTTP
 * (server and client), Kafka (producer and consumer) and PostgreSQL spans, every causal chain
 * above, and no span starting before its parent.
 */
export function checkoutTraceProblems(trace: ZipkinSpan[]): string[] {
  const problems: string[] = [];
  const byId = new Map(trace.map((span) => [span.id, span]));
  if (!placeOrderRoot(trace)) {
    const roots = trace.filter((span) => span.parentId === undefined).map(hopOf);
    problems.push(`one root, the gateway's POST /orders server span, expected; roots: ${roots.join(', ')}`);
  }
  for (const span of trace) {
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    if (span.parentId !== undefined && !parent) problems.push(`${hopOf(span)}: its parent is not in the trace`);
    if (parent && (span.timestamp ?? 0) < (parent.timestamp ?? 0))
      problems.push(`${hopOf(span)} starts before its parent ${hopOf(parent)}`);
  }
  const services = new Set(trace.map(serviceOf));
  for (const service of CHECKOUT_SERVICES) if (!services.has(service)) problems.push(`no span from ${service}`);
  for (const kind of ['SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const)
    if (!trace.some((span) => span.kind === kind)) problems.push(`no ${kind} span`);
  for (const service of CHECKOUT_SERVICES.slice(1))
    if (!trace.some((span) => serviceOf(span) === service && isPostgres(span)))
      problems.push(`no PostgreSQL span from ${service}`);

  const find = (hop: string) => trace.filter((span) => hopOf(span) === hop);
  const descends = (span: ZipkinSpan, ancestorHop: string) => {
    for (let at = byId.get(span.parentId ?? ''); at; at = byId.get(at.parentId ?? ''))
      if (hopOf(at) === ancestorHop) return true;
    return false;
  };
  for (const chain of CAUSAL_CHAINS) {
    for (const [index, hop] of chain.entries()) {
      const spans = find(hop);
      const before = chain[index - 1];
      if (spans.length === 0) problems.push(`no span "${hop}"`);
      else if (before && !spans.some((span) => descends(span, before)))
        problems.push(`"${hop}" does not descend from "${before}"`);
    }
  }
  return [...new Set(problems)];
}
