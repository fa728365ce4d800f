import http from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent as written: no encoding, so broken escapes reach the server as they are. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One request exactly as given (supertest would encode the path and refuse odd bodies), with an
 * explicit content-length, so the server sees what a hostile client sends.
 */
export function rawRequest(baseUrl: string, { method, path, headers = {}, body }: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: the text itself is what the test reports.
          }
          resolve({ status: answer.statusCode ?? 0, contentType: answer.headers['content-type'] ?? '', body: parsed });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function closeRawRequests(): void {
  agent.destroy();
}
