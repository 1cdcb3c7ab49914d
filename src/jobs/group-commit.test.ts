import { expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

it('writes items that arrive during a write together in the next one, and resolves each after its write', async () => {
  const writes: number[][] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const group = createGroupCommit(async (items: number[]) => {
    writes.push(items);
    if (writes.length === 1) await gate;
    return items.length;
  });
  const first = group.add(1);
  await new Promise((r) => setImmediate(r));
  const rest = [group.add(2), group.add(3), group.add(4)];
  release();
  expect(await first).toBe(1);
  expect(await Promise.all(rest)).toEqual([3, 3, 3]);
  expect(writes).toEqual([[1], [2, 3, 4]]);
});

it('rejects every item of a failed write and goes on with the next', async () => {
  let fail = true;
  const group = createGroupCommit(async (items: string[]) => {
    if (fail) {
      fail = false;
      throw new Error('disk full');
    }
    return items;
  });
  await expect(group.add('a')).rejects.toThrow('disk full');
  expect(await group.add('b')).toEqual(['b']);
});

it('waits the window for company before the first write', async () => {
  const writes: number[][] = [];
  const group = createGroupCommit(
    async (items: number[]) => {
      writes.push(items);
      return items.length;
    },
    { windowMs: 5 },
  );
  const first = group.add(1);
  await new Promise((r) => setImmediate(r));
  const second = group.add(2);
  expect(await Promise.all([first, second])).toEqual([2, 2]);
  expect(writes).toEqual([[1, 2]]);
});
