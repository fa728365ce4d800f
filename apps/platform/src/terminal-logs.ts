import { writeLogsTo } from '@sneakers/kit';
import pretty from 'pino-pretty';

/**
 * At a terminal, the services' logs as a person reads them: one line per event with the time, the
 * level, the service and what happened. Anywhere else (a pipe, a file, CI) they stay JSON lines.
 * Written in this thread and at once, so they keep their order with the platform's own lines.
 */
export function readableLogsAtATerminal(): void {
  if (!process.stdout.isTTY) return;
  writeLogsTo(
    pretty({
      destination: 1,
      sync: true,
      translateTime: 'SYS:HH:MM:ss',
      // The message says it all (`POST /orders 202`); ids stay in the JSON for when they are needed.
      ignore: 'pid,hostname,service,req,res,responseTime,orderId,trace_id,span_id',
      singleLine: true,
    }),
  );
}
