import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { forward } from '../src/routing/forward';

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('Forwarding an answer to a client that leaves', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('When the client hangs up halfway through a streamed answer, then forwarding ends quietly, not as an error', async () => {
    // A service whose answer comes in two parts, a while apart.
    const service = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"part":');
      setTimeout(() => res.end('1}'), 500);
    });
    servers.push(service);
    const upstream = { service: 'catalog-service', host: '127.0.0.1', port: await listen(service), timeoutMs: 5_000 };
    let settled: (outcome: string) => void = () => undefined;
    const forwarded = new Promise<string>((resolve) => {
      settled = resolve;
    });
    const gateway = express().get('/things', (req, res) => {
      forward(req, res, upstream).then(
        () => settled('ended quietly'),
        (error: unknown) => settled(`failed: ${String(error)}`),
      );
    });
    const server = http.createServer(gateway);
    servers.push(server);
    const port = await listen(server);

    const client = http.get({ host: '127.0.0.1', port, path: '/things' }, (answer) => {
      answer.once('data', () => client.destroy());
    });
    client.on('error', () => undefined);

    expect(await forwarded).toBe('ended quietly');
  });
});
