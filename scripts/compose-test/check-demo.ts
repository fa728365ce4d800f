// The part of `npm run test:compose` that runs once the stack is up: `npm run demo` against the
// gateway's published port, then the checkout it made, as one trace in Zipkin, through Zipkin's API
// and in its UI (a screenshot for the README). Exits non-zero with what failed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkoutTraceProblems, placeOrderRoot } from './checkout-trace';
import { screenshotTrace } from './trace-screenshot';
import { serviceOf, Zipkin, type ZipkinSpan } from './zipkin';

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOT = path.join(ROOT, 'docs/images/checkout-trace.png');
const gatewayUrl = required('GATEWAY_URL');
const zipkin = new Zipkin(required('TRACING_URL'));

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function runDemo(): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, GATEWAY_URL: gatewayUrl },
  });
  process.stdout.write(stdout.replace(/^/gm, '    '));
  // The walkthrough throws at the first step that does not come out as it should; these are its
  // results as a buyer reads them.
  for (const step of ['1. Signed in', '2. Charged', '3. Claimed coupon', '5. Placed order', '7. Paid', '8. Order PAID'])
    if (!stdout.includes(step)) throw new Error(`the demo did not print "${step}"`);
  if (!/^Done: /m.test(stdout)) throw new Error('the demo did not finish');
  const orderId = /5\. Placed order (\S+):/.exec(stdout)?.[1];
  if (!orderId) throw new Error('the demo did not name its order');
  return orderId;
}

/** The demo's checkout: the one trace rooted at POST /orders since the demo started. */
async function checkoutTrace(since: number): Promise<ZipkinSpan[]> {
  const traceId = await eventually('the checkout trace in Zipkin', async () => {
    const traces = await zipkin.traces('gateway', Date.now() - since);
    const rooted = traces.filter((trace) => placeOrderRoot(trace));
    if (rooted.length > 1) throw new Error(`${rooted.length} POST /orders traces since the demo started, 1 expected`);
    return rooted[0]?.[0]?.traceId;
  });
  // Services flush their spans in batches: wait until nothing is missing, then report what still is.
  let trace: ZipkinSpan[] = [];
  await eventually(
    'the checkout trace complete',
    async () => {
      trace = await zipkin.trace(traceId);
      return checkoutTraceProblems(trace).length === 0 ? trace : undefined;
    },
    30_000,
  ).catch(() => undefined);
  const problems = checkoutTraceProblems(trace);
  if (problems.length > 0) throw new Error(`the checkout trace ${traceId}:\n  ${problems.join('\n  ')}`);
  return trace;
}

async function main() {
  const started = Date.now();
  console.log(`npm run demo against ${gatewayUrl}`);
  const orderId = await runDemo();
  const trace = await checkoutTrace(started);
  const traceId = trace[0]?.traceId as string;
  const services = [...new Set(trace.map(serviceOf))];
  console.log(`order ${orderId}: one trace ${traceId}, ${trace.length} spans from ${services.join(', ')}`);

  // user-service takes no part in a checkout; the demo's sign-in is its trace through the gateway.
  const signIn = await eventually('a user-service span since the demo started', async () => {
    const traces = await zipkin.traces('user-service', Date.now() - started);
    return traces.find((t) => t.some((span) => serviceOf(span) === 'gateway' && span.kind === 'SERVER'));
  });
  console.log(`sign-in: one trace ${signIn[0]?.traceId} from ${[...new Set(signIn.map(serviceOf))].join(', ')}`);

  await screenshotTrace(zipkin.traceUrl(traceId), SCREENSHOT, [
    'gateway: post /orders',
    'order-service: publish order.placed',
  ]);
  console.log(`screenshot of the trace in Zipkin's UI: ${path.relative(ROOT, SCREENSHOT)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
