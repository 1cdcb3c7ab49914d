/**
 * Messages of one batch are rendered once per notice and locale; each recipient must still get
 * exactly the words a render of its own would give, with its own unsubscribe link.
 */
import { expect, it } from 'vitest';
import type { Notice } from '#src/domain/notification-notice.ts';
import { renderNotification } from '#src/domain/notification-text.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { unsubscribeLink } from '#src/services/unsubscribe-link.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { buildMessages } from './outbox-message.ts';

const at = '2026-11-01T00:00:00.000Z';
const settings = { publicUrl: 'https://status.example.net', timeZone: 'Europe/Berlin', pageName: 'Test' };

describeEachStore('outbox messages rendered once per notice', (getStore) => {
  it('gives every recipient the same words as a render of its own, with its own link', async () => {
    const store = getStore();
    await seedMiniCatalog(store);
    const sub = (id: string, locale: 'de' | 'en') => ({
      id,
      kind: 'email' as const,
      address: `${id}@example.net`,
      locale,
      scope: 'all' as const,
      state: 'confirmed' as const,
      confirm_hash: null,
      confirm_expires_at: null,
      confirm_failures: 0,
      secret: null,
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
    });
    await store.db
      .insertInto('subscribers')
      .values([sub('s-a', 'de'), sub('s-b', 'de'), sub('s-c', 'en')])
      .execute();
    await declareIncident({
      ctx: testContext(store, testClock()),
      input: {
        title: { de: 'Störung <Fax> & mehr', en: 'Fax <down> & more' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    const rows = await store.db.selectFrom('notifications').selectAll().orderBy('recipient').execute();
    expect(rows.map((r) => r.subscriber_id)).toEqual(['s-a', 's-b', 's-c']);
    const { built, broken } = await buildMessages(store.db, rows, settings);
    expect(broken).toEqual([]);
    const links = new Set<string>();
    for (const { row, message } of built) {
      const link = await unsubscribeLink(store.db, settings.publicUrl, row.subscriber_id ?? '');
      links.add(link);
      const own = renderNotification(JSON.parse(row.payload) as Notice, row.locale as 'de' | 'en', {
        ...settings,
        unsubscribeUrl: link,
      });
      expect(message.text).toBe(own.text);
      expect(message.html).toBe(own.html);
      expect(message.text).toContain(link);
      expect(message.headers?.['List-Unsubscribe']).toBe(`<${link}>`);
    }
    expect(links.size).toBe(3);
  });
});
