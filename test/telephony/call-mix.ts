/**
 * @module Rows for the `-inf` CSV of `uas-invite.xml`: which final code each successive call gets.
 * Traffic is described in blocks (e.g. one per 10-s window at a fixed call rate) with a share per
 * code; within a block the codes are spread evenly (error diffusion), so any stretch of calls
 * carries close to the block's mix. Deterministic: no randomness to explain a flaky run.
 *
 * @example
 * outcomeRows([{ calls: 100, mix: { '486': 0.1 } }, { calls: 100, mix: { '503': 0.4 } }])
 * // 200 rows: first 10 × 486 among 90 × 200, then 40 × 503 among 60 × 200
 */

export const outcomeCodes = ['200', '503', '500', '404', '486', '487', '480', '603'] as const;
export type OutcomeCode = (typeof outcomeCodes)[number];

export interface Block {
  calls: number;
  /** Share per code (0–1); the rest of the calls are answered (200). */
  mix: Partial<Record<Exclude<OutcomeCode, '200'>, number>>;
}

export function outcomeRows(blocks: readonly Block[]): OutcomeCode[] {
  return blocks.flatMap(blockRows);
}

function blockRows(block: Block): OutcomeCode[] {
  const shares = new Map<OutcomeCode, number>(Object.entries(block.mix) as Array<[OutcomeCode, number]>);
  const failureShare = [...shares.values()].reduce((a, b) => a + b, 0);
  if (failureShare > 1 + 1e-9) throw new Error(`shares add up to ${failureShare} > 1`);
  shares.set('200', Math.max(0, 1 - failureShare));
  const emitted = new Map<OutcomeCode, number>();
  const rows: OutcomeCode[] = [];
  for (let i = 1; i <= block.calls; i++) {
    // The code furthest behind its share so far goes next.
    let best: OutcomeCode = '200';
    let bestDebt = Number.NEGATIVE_INFINITY;
    for (const [code, share] of shares) {
      const debt = share * i - (emitted.get(code) ?? 0);
      if (debt > bestDebt + 1e-12) {
        best = code;
        bestDebt = debt;
      }
    }
    emitted.set(best, (emitted.get(best) ?? 0) + 1);
    rows.push(best);
  }
  return rows;
}
