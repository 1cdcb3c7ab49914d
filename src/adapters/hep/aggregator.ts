/**
 * @module Turns decoded HEP packets into per-peer 10-second window counts (domain/kpi.ts). A peer
 * is counted where it is the responder: requests sent TO it (INVITE seizures, REGISTERs) and
 * responses sent BY it — so on a proxy's mirror only the leg touching the peer counts, and a
 * proxy's 500 upstream does not hide the peer's 503. Duplicates (both legs, retransmissions,
 * repeated traces) are removed by transaction state: an INVITE/REGISTER transaction counts once,
 * its final response once. Memory is bounded (transactions capped and swept by age).
 *
 * Windows are attributed by the collector's clock when the packet arrives (a remote capture
 * agent's clock may be off); durations (PDD, registration time) use the capture timestamps.
 */
import { countInvite, countInviteFinal, emptyCounts, type WindowCounts } from '#src/domain/kpi.ts';
import type { PeerMatcher } from '#src/domain/peer-address.ts';
import type { HepPacket } from './decode.ts';
import { type SipSummary, summarizeSip } from './sip-summary.ts';

export const windowMs = 10_000;
/**
 * Transactions tracked at once (about 200 bytes each); beyond it new ones are counted but their
 * answers are not (counted as tracking_full).
 */
export const maxTransactions = 500_000;
/**
 * A finished transaction is kept this long (ms). Without it, a retransmitted final response finds
 * no transaction and is ignored anyway; what it guards against is an INVITE retransmission that
 * crossed the final response in flight (RTT-scale), so seconds suffice — and at thousands of
 * calls per second a long keep would fill the table.
 */
const finishedKeepMs = 5_000;
/** An unanswered INVITE is forgotten after Timer C (3 min) plus margin (ms). */
const pendingKeepMs = 200_000;
/** A 401/407 challenge not followed by a retry within this time is a failed registration (ms). */
const challengeRetryMs = 32_000;

export type AggregatorEvent = 'unmatched' | 'not_sip' | 'sip_unparsable' | 'tracking_full';

interface InviteTx {
  peerId: string;
  /** CSeq number of the INVITE (a new one after a 401/407 challenge is a new attempt). */
  seq: number;
  startedMs: number;
  seenAt: number;
  ringing: boolean;
  pddDone: boolean;
  done: boolean;
}

interface RegisterTx {
  peerId: string;
  startedMs: number;
  seenAt: number;
  cseq: number;
  challengedAt: number | null;
  done: boolean;
}

export interface ClosedWindow {
  peerId: string;
  startedAt: Date;
  counts: WindowCounts;
}

export class Aggregator {
  readonly #matcher: () => PeerMatcher;
  /** Window start (epoch ms) → peer id → counts. */
  readonly #windows = new Map<number, Map<string, WindowCounts>>();
  /** Peer id → Call-ID → INVITE transaction (nested: no key string is built per packet). */
  readonly #invites = new Map<string, Map<string, InviteTx>>();
  #inviteCount = 0;
  readonly #registers = new Map<string, RegisterTx>();
  /** Counts of packets that carried nothing to count, by why. */
  readonly events: Record<AggregatorEvent, number> = {
    unmatched: 0,
    not_sip: 0,
    sip_unparsable: 0,
    tracking_full: 0,
  };

  /** `matcher` is read per packet so a catalog change takes effect without a restart. */
  constructor(matcher: () => PeerMatcher) {
    this.#matcher = matcher;
  }

  /** Counts one packet that arrived at `nowMs` (collector clock). */
  add(p: HepPacket, nowMs: number): void {
    if (p.protocolType !== null && p.protocolType !== 1) {
      this.events.not_sip++;
      return;
    }
    const m = this.#matcher();
    // Match before parsing: most mirrored traffic on a busy proxy touches no configured peer.
    const toPeer = m.match(p.dstIp, p.dstPort);
    const fromPeer = m.match(p.srcIp, p.srcPort);
    if (toPeer === null && fromPeer === null) {
      this.events.unmatched++;
      return;
    }
    const msg = summarizeSip(p.payload);
    if (!msg) {
      this.events.sip_unparsable++;
      return;
    }
    const at = p.timeMs ?? nowMs;
    if (msg.kind === 'request' && toPeer !== null) this.#request(msg, toPeer, at, nowMs);
    else if (msg.kind === 'response' && fromPeer !== null)
      this.#response(msg, msg.status, fromPeer, at, nowMs);
    else this.events.unmatched++;
  }

  #counts(peerId: string, nowMs: number): WindowCounts {
    const start = nowMs - (nowMs % windowMs);
    let peers = this.#windows.get(start);
    if (!peers) {
      peers = new Map();
      this.#windows.set(start, peers);
    }
    let c = peers.get(peerId);
    if (!c) {
      c = emptyCounts();
      peers.set(peerId, c);
    }
    return c;
  }

  #request(msg: SipSummary, peerId: string, at: number, nowMs: number): void {
    if (msg.method === 'INVITE') {
      // A re-INVITE (To tag set) is not a seizure; a known transaction is a retransmission/other leg.
      if (msg.toTagged) return;
      let txs = this.#invites.get(peerId);
      const known = txs?.get(msg.callId);
      if (known && msg.cseqSeq <= known.seq) return;
      countInvite(this.#counts(peerId, nowMs));
      if (!known && !this.#room()) return;
      if (!txs) {
        txs = new Map();
        this.#invites.set(peerId, txs);
      }
      if (!known) this.#inviteCount++;
      txs.set(msg.callId, {
        peerId,
        seq: msg.cseqSeq,
        startedMs: at,
        seenAt: nowMs,
        ringing: false,
        pddDone: false,
        done: false,
      });
    } else if (msg.method === 'REGISTER') {
      const regKey = `${peerId}\u0000${msg.callId}`;
      const tx = this.#registers.get(regKey);
      if (tx && msg.cseqSeq <= tx.cseq) return; // retransmission or a leg seen twice
      if (tx && !tx.done) this.#registerRetry(tx, msg.cseqSeq, nowMs);
      else this.#registerStart(regKey, peerId, msg, at, nowMs);
    }
  }

  #registerStart(key: string, peerId: string, msg: SipSummary, at: number, nowMs: number): void {
    if (!this.#room()) return;
    this.#registers.set(key, {
      peerId,
      startedMs: at,
      seenAt: nowMs,
      cseq: msg.cseqSeq,
      challengedAt: null,
      done: false,
    });
  }

  #registerRetry(tx: RegisterTx, seq: number, nowMs: number): void {
    // The digest retry after a challenge continues the same attempt (RFC 6076 IRA).
    tx.cseq = seq;
    tx.challengedAt = null;
    tx.seenAt = nowMs;
  }

  #response(msg: SipSummary, status: number, peerId: string, at: number, nowMs: number): void {
    if (status < 180) return;
    if (msg.cseqMethod === 'INVITE') {
      const tx = this.#invites.get(peerId)?.get(msg.callId);
      if (!tx || tx.done || tx.seq !== msg.cseqSeq) return;
      this.#inviteResponse(tx, status, at, nowMs);
    } else if (msg.cseqMethod === 'REGISTER') {
      const tx = this.#registers.get(`${peerId}\u0000${msg.callId}`);
      if (!tx || tx.done || msg.cseqSeq !== tx.cseq || status < 200) return;
      this.#registerResponse(tx, status, at, nowMs);
    }
  }

  #inviteResponse(tx: InviteTx, status: number, at: number, nowMs: number): void {
    const c = this.#counts(tx.peerId, nowMs);
    const ringing = status === 180 || status === 183;
    if (!tx.pddDone && (ringing || status >= 200)) {
      tx.pddDone = true;
      c.pdd_sum_ms += Math.max(0, Math.round(at - tx.startedMs));
      c.pdd_count += 1;
    }
    if (ringing) tx.ringing = true;
    if (status < 200) return;
    countInviteFinal(c, status, tx.ringing);
    tx.done = true;
    tx.seenAt = nowMs;
  }

  #registerResponse(tx: RegisterTx, status: number, at: number, nowMs: number): void {
    tx.seenAt = nowMs;
    if (status === 401 || status === 407) {
      if (tx.challengedAt === null) tx.challengedAt = nowMs;
      return;
    }
    const c = this.#counts(tx.peerId, nowMs);
    c.registers += 1;
    if (status >= 200 && status < 300) {
      c.register_ok += 1;
      c.register_ms_sum += Math.max(0, Math.round(at - tx.startedMs));
      c.register_ms_count += 1;
    } else {
      c.register_failed += 1;
    }
    tx.done = true;
  }

  #room(): boolean {
    if (this.#inviteCount + this.#registers.size < maxTransactions) return true;
    this.events.tracking_full++;
    return false;
  }

  /**
   * Hands over every window that ended before `nowMs` and forgets old transactions. A challenge
   * never retried counts as a failed registration in the window where that is decided.
   */
  closeWindows(nowMs: number, all = false): ClosedWindow[] {
    this.#sweep(nowMs);
    const current = nowMs - (nowMs % windowMs);
    const out: ClosedWindow[] = [];
    for (const [start, peers] of this.#windows) {
      if (!all && start >= current) continue;
      for (const [peerId, counts] of peers) out.push({ peerId, startedAt: new Date(start), counts });
      this.#windows.delete(start);
    }
    return out;
  }

  #sweep(nowMs: number): void {
    for (const [peerId, txs] of this.#invites) {
      for (const [callId, tx] of txs) {
        if (nowMs - tx.seenAt > (tx.done ? finishedKeepMs : pendingKeepMs)) {
          txs.delete(callId);
          this.#inviteCount--;
        }
      }
      if (txs.size === 0) this.#invites.delete(peerId);
    }
    for (const [k, tx] of this.#registers) {
      if (!tx.done && tx.challengedAt !== null && nowMs - tx.challengedAt > challengeRetryMs) {
        const c = this.#counts(tx.peerId, nowMs);
        c.registers += 1;
        c.register_failed += 1;
        tx.done = true;
        tx.seenAt = nowMs;
      }
      if (nowMs - tx.seenAt > (tx.done ? finishedKeepMs : pendingKeepMs)) this.#registers.delete(k);
    }
  }

  /** Transactions currently remembered (for tests and the metrics page). */
  get tracked(): number {
    return this.#inviteCount + this.#registers.size;
  }
}
