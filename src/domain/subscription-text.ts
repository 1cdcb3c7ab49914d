/**
 * @module The words of subscription messages, German and English: the confirmation (email link,
 * SMS code, webhook link), "you are already subscribed" (sent instead of a new confirmation, so
 * the subscribe form answers the same for every address) and the webhook test event. SMS texts
 * stay short (one or two parts). Pure: URLs are absolute in the notice, time zone and page name
 * come in as settings.
 */
import type { BilingualText } from './incident.ts';
import type { SubscriberKind } from './subscription.ts';
import { smsCodeMinutes } from './subscription.ts';

type Locale = 'de' | 'en';

export interface SubscriptionNotice {
  type: 'subscription';
  event: 'subscriber.confirm' | 'subscriber.already' | 'subscriber.test';
  subscriberId: string;
  kind: SubscriberKind;
  scope: 'all' | 'components';
  /** Names of the chosen components (scope `components`). */
  components: BilingualText[];
  /** Email and webhook confirmation link (with its token). */
  confirmUrl: string | null;
  /** SMS confirmation code. */
  code: string | null;
  expiresAt: string | null;
  /** Manage / unsubscribe page (with its token). */
  manageUrl: string | null;
  /** The status page's name (the subject is stored when the message is queued). */
  pageName: string;
}

export interface SubscriptionRenderSettings {
  timeZone: string;
}

const subjects: Record<SubscriptionNotice['event'], Record<Locale, string>> = {
  'subscriber.confirm': { de: 'Bitte bestätigen Sie Ihr Abonnement', en: 'Please confirm your subscription' },
  'subscriber.already': { de: 'Sie sind bereits angemeldet', en: 'You are already subscribed' },
  'subscriber.test': { de: 'Testnachricht', en: 'Test message' },
};

export function subscriptionSubject(n: SubscriptionNotice, locale: Locale): string {
  return `${subjects[n.event][locale]} · ${n.pageName}`;
}

function scopeText(n: SubscriptionNotice, locale: Locale): string {
  if (n.scope === 'all' || n.components.length === 0) {
    return locale === 'de' ? 'alle Störungen und Wartungen' : 'all incidents and maintenance';
  }
  const names = n.components.map((c) => c[locale] || c.de).join(', ');
  return locale === 'de'
    ? `Störungen und Wartungen bei: ${names}`
    : `incidents and maintenance affecting: ${names}`;
}

function when(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

function smsText(n: SubscriptionNotice, locale: Locale, page: string): string {
  const de = locale === 'de';
  if (n.event === 'subscriber.confirm') {
    return de
      ? `${page}: Ihr Bestätigungscode lautet ${n.code}. Er gilt ${smsCodeMinutes} Minuten. Nicht angefordert? Dann ignorieren Sie diese SMS.`
      : `${page}: your confirmation code is ${n.code}. It is valid for ${smsCodeMinutes} minutes. Did not ask for it? Ignore this SMS.`;
  }
  if (n.event === 'subscriber.already') {
    return de
      ? `${page}: Diese Nummer ist bereits angemeldet. Einstellungen oder abmelden: ${n.manageUrl}`
      : `${page}: this number is already subscribed. Settings or unsubscribe: ${n.manageUrl}`;
  }
  return de
    ? `${page}: Testnachricht. Ihr Abonnement funktioniert.`
    : `${page}: test message. Your subscription works.`;
}

/** Paragraphs of an email or the text of a webhook's event, for people. */
function paragraphs(n: SubscriptionNotice, locale: Locale, s: SubscriptionRenderSettings): string[] {
  const de = locale === 'de';
  const scope = scopeText(n, locale);
  const what =
    n.kind === 'webhook'
      ? de
        ? 'diese Webhook-Adresse'
        : 'this webhook URL'
      : de
        ? 'Ihre Adresse'
        : 'your address';
  if (n.event === 'subscriber.confirm') {
    const until = n.expiresAt ? when(n.expiresAt, locale, s.timeZone) : '';
    return de
      ? [
          'Guten Tag,',
          `jemand – vermutlich Sie – möchte für ${what} Nachrichten der Statusseite ${n.pageName} erhalten: ${scope}.`,
          `Bitte bestätigen Sie das mit diesem Link (gültig bis ${until}):\n${n.confirmUrl}`,
          'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Sie erhalten dann nichts weiter.',
        ]
      : [
          'Hello,',
          `someone – probably you – asked to receive messages from the ${n.pageName} status page for ${what}: ${scope}.`,
          `Please confirm with this link (valid until ${until}):\n${n.confirmUrl}`,
          'If you did not ask for this, ignore this message; you will not hear from us again.',
        ];
  }
  if (n.event === 'subscriber.already') {
    return de
      ? [
          'Guten Tag,',
          `für ${what} besteht bereits ein Abonnement der Statusseite ${n.pageName}. Eben wurde es noch einmal angefordert.`,
          `Falls Sie das waren: Ihre Einstellungen ändern oder das Abonnement beenden können Sie hier:\n${n.manageUrl}`,
          'Falls nicht, müssen Sie nichts tun.',
        ]
      : [
          'Hello,',
          `${what} is already subscribed to the ${n.pageName} status page. Someone just asked to subscribe it again.`,
          `If that was you: change your settings or unsubscribe here:\n${n.manageUrl}`,
          'If not, there is nothing you need to do.',
        ];
  }
  return de
    ? [`Dies ist eine Testnachricht der Statusseite ${n.pageName}. Ihr Abonnement (${scope}) funktioniert.`]
    : [`This is a test message from the ${n.pageName} status page. Your subscription (${scope}) works.`];
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Escapes a paragraph; a URL on its own line becomes a link. */
function htmlParagraph(p: string): string {
  const lines = p.split('\n').map((line) => {
    const safe = escapeHtml(line);
    return /^https?:\/\/\S+$/.test(line) ? `<a href="${safe}">${safe}</a>` : safe;
  });
  return `<p>${lines.join('<br>')}</p>`;
}

export function renderSubscriptionNotice(
  n: SubscriptionNotice,
  locale: Locale,
  s: SubscriptionRenderSettings,
): { subject: string; text: string; html: string } {
  const subject = subscriptionSubject(n, locale);
  if (n.kind === 'sms') return { subject, text: smsText(n, locale, n.pageName), html: '' };
  const ps = paragraphs(n, locale, s);
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    ...ps.map(htmlParagraph),
    '</body></html>',
  ].join('\n');
  return { subject, text: `${ps.join('\n\n')}\n`, html };
}
