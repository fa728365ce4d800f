import { createServer, type Server } from 'node:http';
import type { PaidOrderDelivery } from './deliver-paid-order';

export interface DataPlatformReceiver {
  server: Server;
  url: string;
  /** One per order id, whatever number of times it arrived. */
  deliveries: Map<string, PaidOrderDelivery>;
  /** Every POST that arrived, duplicates included. */
  received: () => number;
  close: () => Promise<void>;
}

/**
 * A stand-in for the external data platform, for development and tests: records what arrived,
 * keeping one delivery per order id (a redelivery is answered 200 and changes nothing).
 * `GET /paid-orders` lists them.
 */
export async function startDataPlatformReceiver(port = 0, host = '127.0.0.1'): Promise<DataPlatformReceiver> {
  const deliveries = new Map<string, PaidOrderDelivery>();
  let received = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/paid-orders') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...deliveries.values()]));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/paid-orders') return void res.writeHead(404).end();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const delivery = JSON.parse(body) as PaidOrderDelivery;
        if (typeof delivery.orderId !== 'string') throw new Error('no orderId');
        received += 1;
        if (!deliveries.has(delivery.orderId)) deliveries.set(delivery.orderId, delivery);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}/paid-orders`,
    deliveries,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
