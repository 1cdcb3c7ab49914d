/**
 * @module The delivery worker: claims due outbox rows, sends each through the channel of its kind,
 * and marks it — sent, retried later with exponential backoff and jitter, or a dead letter.
 * Several lanes send at once (one per pooled connection); within a lane a message is marked
 * before the next one is sent (the marks of all lanes share one transaction: group commit), so the only moment in which a crash repeats a message is between
 * the receiver's acceptance and that mark (docs/NOTIFICATIONS.md, "Delivery guarantee"). A
 * crashed worker's claims expire and another worker (or the restarted one) takes them up.
 * Beside the delivery loop runs the fan-out loop: it writes deferred fan-outs' outbox rows page by
 * page (services/notification-fanouts.ts) and wakes the delivery loop after each page.
 *
 * @example
 * const worker = createOutboxWorker({ db, dialect, channels, clock, workerId, settings, maxAttempts: 8, ratesPerSecond });
 * worker.start();   // drains continuously; idles a second when nothing is due
 * await worker.stop();
 */
import type { Kysely } from 'kysely';
import type { Channel, OutboundMessage, SendResult } from '#src/adapters/channels/channel.ts';
import type { ChannelRegistry } from '#src/adapters/channels/index.ts';
import { createIdGenerator } from '#src/adapters/ids.ts';
import type { Dialect } from '#src/adapters/store/open-store.ts';
import type { Database } from '#src/adapters/store/schema.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';
import { backoffMs, createTokenBucket, type TokenBucket } from '#src/domain/token-bucket.ts';
import { expandFanouts } from '#src/services/notification-fanouts.ts';
import {
  claimDueNotifications,
  type Outcome,
  recordOutcomes,
  releaseClaims,
} from '#src/services/outbox-delivery.ts';
import { createGroupCommit } from './group-commit.ts';
import { type BuiltMessage, buildMessages, type MessageSettings } from './outbox-message.ts';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  channels: ChannelRegistry;
  clock: Clock;
  /** Unique per process, e.g. `host:pid:random`. */
  workerId: string;
  settings: MessageSettings;
  maxAttempts: number;
  /** Messages per second per channel kind. */
  ratesPerSecond: Record<string, number>;
  /** Messages sent at once (default 5: one per pooled SMTP connection). */
  concurrency?: number;
  batchSize?: number;
  /** Claim duration (ms); a batch is given back before it runs out. */
  leaseMs?: number;
  /** Pause when nothing is due (ms). */
  idleMs?: number;
  /** Give up on one send after this long (ms); counts as a temporary failure. */
  sendTimeoutMs?: number;
  random?: () => number;
  /** How long a finished send waits for others to share its record's transaction (ms). */
  groupCommitMs?: number;
  /** Subscribers per page of a deferred fan-out (default 2,000). */
  fanoutPageSize?: number;
  /** Ids of the outbox rows a fan-out writes (default: a new generator). */
  newId?: IdGenerator;
  /** Called on every loop turn (liveness). */
  onBeat?: () => void;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface OutboxWorker {
  /** Claims and delivers one batch; returns how many messages it handled. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const concurrency = o.concurrency ?? 5;
  const batchSize = o.batchSize ?? 200;
  const leaseMs = o.leaseMs ?? 120_000;
  const buckets = new Map<string, TokenBucket>();
  const bucketOf = (kind: string): TokenBucket => {
    let b = buckets.get(kind);
    if (!b) {
      b = createTokenBucket({ rate: o.ratesPerSecond[kind] ?? 10 }, o.clock().getTime());
      buckets.set(kind, b);
    }
    return b;
  };
  const marks = createGroupCommit(
    (outcomes: Outcome[]) => recordOutcomes(o.db, o.workerId, outcomes, o.dialect),
    {
      windowMs: o.groupCommitMs ?? 3,
    },
  );
  let stopping = false;
  let loop: Promise<void> | null = null;
  let fanoutLoop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let wakeFanouts: (() => void) | null = null;
  const fanoutCtx = { db: o.db, dialect: o.dialect, clock: o.clock, newId: o.newId ?? createIdGenerator() };

  async function runOnce(): Promise<number> {
    const claimedAt = o.clock();
    const rows = await claimDueNotifications(o.db, o.dialect, {
      workerId: o.workerId,
      now: claimedAt,
      leaseMs,
      limit: batchSize,
      kinds: [...o.channels.keys()],
    });
    if (rows.length === 0) return 0;
    const { built: queue, broken } = await buildMessages(o.db, rows, o.settings);
    for (const { row, detail } of broken) {
      await marks.add({
        ok: false,
        id: row.id,
        at: o.clock(),
        attempt: row.attempts + 1,
        detail,
        retryAt: null,
      });
    }
    // Stop taking new messages from this batch well before the claim could expire.
    const deadline = claimedAt.getTime() + leaseMs / 2;
    const left: string[] = [];
    let handled = 0;
    const lane = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (stopping || !(await waitForToken(item.row.kind, deadline))) {
          left.push(item.row.id, ...queue.splice(0).map((q) => q.row.id));
          return;
        }
        await deliver(item);
        handled++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    await releaseClaims(o.db, o.workerId, left);
    return handled;
  }

  /** Waits for the kind's rate limit; false when that would pass the batch's deadline. */
  async function waitForToken(kind: string, deadline: number): Promise<boolean> {
    for (;;) {
      const wait = bucketOf(kind).take(o.clock().getTime());
      if (wait === 0) return true;
      if (o.clock().getTime() + wait > deadline) return false;
      await sleep(wait);
    }
  }

  async function deliver({ row, message }: BuiltMessage): Promise<void> {
    const channel = o.channels.get(message.kind);
    const attempt = row.attempts + 1;
    const result = await sendSafely(channel, message, o.sendTimeoutMs ?? 30_000);
    const at = o.clock();
    const base = { id: row.id, at, attempt, detail: result.detail ?? '' };
    let outcome: Outcome;
    if (result.ok) {
      outcome = { ...base, ok: true, bodyText: message.text };
    } else {
      const limit = row.attempt_limit ?? o.maxAttempts;
      const retryAt =
        result.retryable && attempt < limit
          ? new Date(at.getTime() + backoffMs(attempt, o.random ?? Math.random))
          : null;
      outcome = { ...base, ok: false, retryAt };
    }
    // Waits until the record is committed: only then does this lane send its next message.
    const recorded = await marks.add(outcome);
    if (result.ok && !recorded.has(row.id)) {
      o.log?.warn({ id: row.id }, 'outbox: sent a message whose claim had passed to another worker');
    }
  }

  async function drain(): Promise<void> {
    while (!stopping) {
      o.onBeat?.();
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        o.log?.error({ err }, 'outbox: delivery round failed');
      }
      if (handled === 0 && !stopping) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, o.idleMs ?? 1000);
        });
        wake = null;
      }
    }
  }

  /** One page at a time, so delivery starts on the first page while later ones are written. */
  async function expand(): Promise<void> {
    while (!stopping) {
      let pages = 0;
      try {
        ({ pages } = await expandFanouts({
          ctx: fanoutCtx,
          pageSize: o.fanoutPageSize ?? 2000,
          maxPages: 1,
        }));
      } catch (err) {
        o.log?.error({ err }, 'outbox: fan-out page failed');
      }
      if (pages > 0) {
        wake?.();
        // A breath between pages: on SQLite (one writer) the delivery loop's claim gets its turn,
        // so the first mails go out while later pages are still being written.
        await sleep(5);
      } else if (!stopping) {
        await new Promise<void>((resolve) => {
          wakeFanouts = resolve;
          setTimeout(resolve, o.idleMs ?? 1000);
        });
        wakeFanouts = null;
      }
    }
  }

  return {
    runOnce,
    start() {
      stopping = false;
      loop ??= drain();
      fanoutLoop ??= expand();
    },
    async stop() {
      stopping = true;
      wake?.();
      wakeFanouts?.();
      await Promise.all([loop, fanoutLoop]);
      loop = null;
      fanoutLoop = null;
    },
  };
}

/** Channels promise not to throw; should one do it anyway, it counts as a failed attempt. */
async function sendSafely(
  channel: Channel | undefined,
  message: OutboundMessage,
  timeoutMs: number,
): Promise<SendResult> {
  if (!channel) return { ok: false, retryable: true, detail: `no ${message.kind} channel configured` };
  try {
    return await channel.send(message, AbortSignal.timeout(timeoutMs));
  } catch (err) {
    return { ok: false, retryable: true, detail: `channel error: ${(err as Error).message ?? String(err)}` };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
