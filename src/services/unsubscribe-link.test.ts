import { expect, it } from 'vitest';
import { describeEachStore } from '../../test/support/stores.ts';
import { unsubscribeLink, verifyManageToken } from './unsubscribe-link.ts';

describeEachStore('unsubscribe link', (getStore) => {
  it('is stable per subscriber, verifies, and refuses forged or foreign tokens', async () => {
    const { db } = getStore();
    const a = await unsubscribeLink(db, 'https://status.example.net/', 'sub-a');
    const again = await unsubscribeLink(db, 'https://status.example.net', 'sub-a');
    const b = await unsubscribeLink(db, 'https://status.example.net', 'sub-b');
    expect(a).toBe(again);
    expect(a).toMatch(/^https:\/\/status\.example\.net\/subscribe\/manage\/sub-a\.[\w-]{32}$/);
    expect(b).not.toBe(a);
    const tokenA = a.split('/').pop() ?? '';
    expect(await verifyManageToken(db, tokenA)).toBe('sub-a');
    // The MAC of one subscriber does not open another's page.
    expect(await verifyManageToken(db, `sub-b.${tokenA.split('.')[1]}`)).toBeNull();
    expect(await verifyManageToken(db, 'sub-a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await verifyManageToken(db, 'garbage')).toBeNull();
    expect(await verifyManageToken(db, '')).toBeNull();
  });

  it('derives from a key kept in the database, created once', async () => {
    const { db } = getStore();
    await unsubscribeLink(db, 'https://x', 'sub-c');
    const keys = await db.selectFrom('subscription_keys').selectAll().execute();
    expect(keys).toHaveLength(1);
    expect(Buffer.from(keys[0]?.secret ?? '', 'base64url')).toHaveLength(32);
  });
});
