import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** A TCP socket a process listens on: its address as the kernel reports it, and its port. */
export interface ListeningSocket {
  address: string;
  port: number;
  loopback: boolean;
}

const LISTEN = '0A';

/** Every TCP socket `pid` listens on, read from /proc (Linux), whatever opened it. */
export function listeningSockets(pid: number): ListeningSocket[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/)?.[1]].filter(Boolean);
      } catch {
        return []; // closed while we looked
      }
    }),
  );
  return ['tcp', 'tcp6'].flatMap((table) =>
    readFileSync(`/proc/${pid}/net/${table}`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[3] === LISTEN && inodes.has(columns[9]))
      .map((columns) => socketOf(columns[1] as string)),
  );
}

/** `0100007F:0BB8` (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
function socketOf(local: string): ListeningSocket {
  const [hex = '', port = ''] = local.split(':');
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => (word.match(/../g) ?? []).reverse());
  const octets = bytes.map((byte) => Number.parseInt(byte, 16));
  const address =
    octets.length === 4
      ? octets.join('.')
      : (bytes.join('').match(/.{4}/g) ?? []).map((group) => group.replace(/^0+(?=.)/, '')).join(':');
  const loopback = octets.length === 4 ? octets[0] === 127 : address === '0:0:0:0:0:0:0:1';
  return { address, port: Number.parseInt(port, 16), loopback };
}
