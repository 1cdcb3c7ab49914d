/**
 * @module Who an incident affects, from the inventory: the customers whose resources lie on the
 * incident's affected components, with the resources concerned and the contacts that can be
 * written to (email first, else a mobile number for SMS), minus addresses that opted out.
 * The console shows the counts and a preview before an operator writes to them.
 *
 * @example
 * const a = await listAffectedCustomers(db, { incidentId })
 * a.totals // → { customers: 2, resources: 5, reachable: 2, optedOut: 1, unreachable: 0 }
 */
import type { Tx } from './context.ts';
import { listAffectedResources } from './list-affected-resources.ts';
import { loadAffectedComponentsOf } from './load-affected-components.ts';

export interface AffectedContact {
  id: string;
  name: string;
  /** Where a message goes: the email address, or the phone number when there is no email. */
  channel: 'email' | 'sms';
  address: string;
  locale: 'de' | 'en';
  optedOut: boolean;
}

export interface AffectedCustomer {
  id: string;
  externalId: string;
  name: string;
  kind: string;
  resources: { id: string; kind: string; value: string; restored: boolean }[];
  contacts: AffectedContact[];
}

export interface AffectedCustomers {
  componentIds: string[];
  customers: AffectedCustomer[];
  totals: { customers: number; resources: number; reachable: number; optedOut: number; unreachable: number };
}

export async function listAffectedCustomers(
  db: Tx,
  input: { incidentId: string },
): Promise<AffectedCustomers> {
  const componentIds = [...(await loadAffectedComponentsOf(db, input.incidentId))].sort();
  const affected = await listAffectedResources(db, { componentIds });
  const customerIds = [...new Set(affected.map((a) => a.customer.id))];
  const [contacts, restored] = await Promise.all([
    customerIds.length
      ? db
          .selectFrom('contacts')
          .selectAll()
          .where('customer_id', 'in', customerIds)
          .orderBy('email')
          .execute()
      : [],
    db
      .selectFrom('resource_restorations')
      .select('resource_id')
      .where('incident_id', '=', input.incidentId)
      .execute(),
  ]);
  const addresses = contacts.map(contactAddress).filter((a) => a !== null);
  const optedOut = new Set(
    addresses.length
      ? (
          await db
            .selectFrom('contact_opt_outs')
            .select('address')
            .where(
              'address',
              'in',
              addresses.map((a) => a.address),
            )
            .execute()
        ).map((r) => r.address)
      : [],
  );
  const restoredIds = new Set(restored.map((r) => r.resource_id));
  const byCustomer = new Map<string, AffectedCustomer>();
  for (const a of affected) {
    let c = byCustomer.get(a.customer.id);
    if (!c) {
      c = { ...a.customer, resources: [], contacts: [] };
      byCustomer.set(a.customer.id, c);
    }
    c.resources.push({ ...a.resource, restored: restoredIds.has(a.resource.id) });
  }
  for (const contact of contacts) {
    const target = contactAddress(contact);
    const c = byCustomer.get(contact.customer_id);
    if (!c || !target) continue;
    c.contacts.push({
      id: contact.id,
      name: contact.name,
      ...target,
      locale: contact.language === 'en' ? 'en' : 'de',
      optedOut: optedOut.has(target.address),
    });
  }
  const customers = [...byCustomer.values()];
  const reachable = customers.filter((c) => c.contacts.some((k) => !k.optedOut)).length;
  const withContacts = customers.filter((c) => c.contacts.length > 0).length;
  return {
    componentIds,
    customers,
    totals: {
      customers: customers.length,
      resources: affected.length,
      reachable,
      optedOut: withContacts - reachable,
      unreachable: customers.length - withContacts,
    },
  };
}

/** Email when there is one (lower case, as opt-outs store it), else the phone number for SMS. */
export function contactAddress(contact: { email: string; phone: string }): {
  channel: 'email' | 'sms';
  address: string;
} | null {
  if (contact.email.trim()) return { channel: 'email', address: contact.email.trim().toLowerCase() };
  if (contact.phone.trim()) return { channel: 'sms', address: contact.phone.trim() };
  return null;
}

/** Whom to write to about an incident (the outbox's `AffectedRecipient`). */
export interface AffectedRecipientOf {
  kind: 'email' | 'sms';
  address: string;
  locale: 'de' | 'en';
  contactId: string;
}

/** The contacts to write to: affected customers' contacts that did not opt out. */
export async function affectedRecipients(trx: Tx, incidentId: string): Promise<AffectedRecipientOf[]> {
  const affected = await listAffectedCustomers(trx, { incidentId });
  return affected.customers.flatMap((c) =>
    c.contacts
      .filter((k) => !k.optedOut)
      .map((k) => ({ kind: k.channel, address: k.address, locale: k.locale, contactId: k.id })),
  );
}
