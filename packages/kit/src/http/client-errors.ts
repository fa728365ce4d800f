import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type AppError, HttpErrors, problemOf } from '../errors';

function problemFor(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') return HttpErrors.headersTooLarge();
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return HttpErrors.requestTimeout();
  return HttpErrors.malformedRequest('The request is not valid HTTP/1.1.');
}

/**
 * Requests Node's parser refuses (headers over its 16 KiB, broken HTTP) never reach express, and
 * Node would answer them with an empty 431/400. These get the same problem+json as every other
 * bad request. There is no response object yet, so the answer is written to the socket itself.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = problemFor(error.code);
    const body = JSON.stringify(problemOf(problem));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
