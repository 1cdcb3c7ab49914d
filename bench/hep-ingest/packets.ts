/**
 * @module The benchmark's traffic: HEP v3 packets of whole calls the way Kamailio's siptrace
 * mirrors them (INVITE, 180, final) between a proxy and a configured peer, plus a share of
 * traffic to addresses that are no peer. Each call has its own Call-ID, so the aggregator tracks
 * real transactions.
 */
import { encodeHep } from '#src/adapters/hep/encode.ts';

export const peer = { ip: '10.20.0.2', port: 5080 };
const proxy = { ip: '10.20.0.1', port: 5060 };
const other = { ip: '10.30.0.9', port: 5060 };
const finals = [200, 200, 200, 486, 480, 503, 404, 487];

function invite(callId: string, to: { ip: string; port: number }): string {
  return [
    `INVITE sip:+4930123456@${to.ip}:${to.port} SIP/2.0`,
    `Via: SIP/2.0/UDP ${proxy.ip}:${proxy.port};branch=z9hG4bK${callId}`,
    'Max-Forwards: 69',
    `From: <sip:+4940111222@${proxy.ip}>;tag=f${callId}`,
    `To: <sip:+4930123456@${to.ip}>`,
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    `Contact: <sip:+4940111222@${proxy.ip}:${proxy.port}>`,
    'Content-Type: application/sdp',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

function response(code: number, callId: string, to: { ip: string }): string {
  return [
    `SIP/2.0 ${code} X`,
    `Via: SIP/2.0/UDP ${proxy.ip}:${proxy.port};branch=z9hG4bK${callId}`,
    `From: <sip:+4940111222@${proxy.ip}>;tag=f${callId}`,
    `To: <sip:+4930123456@${to.ip}>;tag=t${callId}`,
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** `calls` calls × 3 packets; every fifth call goes to an address that is no peer. */
export function buildPackets(calls: number, seed = 'b'): Uint8Array[] {
  const stream = new CallStream(seed);
  return Array.from({ length: calls * 3 }, () => stream.next().slice());
}

const placeholder = 'IIIIIIIIIIII';
const idWidth = placeholder.length;

/**
 * An endless stream of packets of distinct calls (INVITE, 180, final), cheap enough for a sender
 * at 100 000+ packets/s: packets are copies of templates whose call id (12 hex digits) is
 * rewritten in place. A ring of slots keeps a packet untouched until long after it was sent
 * (callers keep fewer than `ringCalls` × 3 sends in flight).
 */
export class CallStream {
  static readonly ringCalls = 8192;
  readonly #seed: string;
  readonly #templates: { packets: Uint8Array[]; offsets: number[][] }[];
  readonly #ring: Uint8Array[][] = [];
  #call = 0;
  #leg = 0;

  constructor(seed: string) {
    this.#seed = seed.slice(0, 4).padEnd(4, '0');
    this.#templates = [];
    for (let k = 0; k < 40; k++) {
      const to = k % 5 === 4 ? other : peer;
      const id = `${this.#seed}${placeholder}-bench@10.20.0.1`;
      const hep = (from: typeof proxy, dst: typeof proxy, payload: string, t: number) =>
        encodeHep({
          srcIp: from.ip,
          srcPort: from.port,
          dstIp: dst.ip,
          dstPort: dst.port,
          payload,
          timeMs: t,
        });
      const t = 1_763_780_000_000 + k;
      const packets = [
        hep(proxy, to, invite(id, to), t),
        hep(to, proxy, response(180, id, to), t + 80),
        hep(to, proxy, response(finals[k % finals.length]!, id, to), t + 900),
      ];
      this.#templates.push({ packets, offsets: packets.map(placeholderOffsets) });
    }
  }

  next(): Uint8Array {
    const n = this.#call;
    const slot = n % CallStream.ringCalls;
    if (this.#leg === 0) {
      const tpl = this.#templates[n % this.#templates.length]!;
      const copies = tpl.packets.map((p) => p.slice());
      const digits = new TextEncoder().encode(n.toString(16).padStart(idWidth, '0'));
      copies.forEach((p, i) => {
        for (const at of tpl.offsets[i]!) p.set(digits, at);
      });
      this.#ring[slot] = copies;
    }
    const packet = this.#ring[slot]![this.#leg]!;
    this.#leg = (this.#leg + 1) % 3;
    if (this.#leg === 0) this.#call++;
    return packet;
  }
}

function placeholderOffsets(p: Uint8Array): number[] {
  const needle = new TextEncoder().encode(placeholder);
  const out: number[] = [];
  for (let at = p.indexOf(needle[0]!); at >= 0; at = p.indexOf(needle[0]!, at + 1)) {
    if (needle.every((b, i) => p[at + i] === b)) {
      out.push(at);
      at += idWidth - 1;
    }
  }
  return out;
}
