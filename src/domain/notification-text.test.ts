import { describe, expect, it } from 'vitest';
import type { IncidentNotice, MaintenanceNotice, ReportNotice } from './notification-notice.ts';
import { noticeSubject, renderNotification } from './notification-text.ts';

const settings = {
  publicUrl: 'https://status.example.net',
  timeZone: 'Europe/Berlin',
  pageName: 'Beispiel',
  unsubscribeUrl: 'https://status.example.net/subscribe/manage/s1.mac',
};

const incident: IncidentNotice = {
  type: 'incident',
  event: 'incident.updated',
  incidentId: 'i1',
  title: { de: 'Anrufe <gestört> & mehr', en: 'Calls <failing> & more' },
  status: 'identified',
  impact: 'major',
  components: [{ de: 'Ortsnetz Cottbus', en: 'Cottbus local numbers' }],
  startedAt: '2026-11-20T10:00:00.000Z',
  resolvedAt: null,
  updateId: 'u1',
  message: { de: 'Umschaltung läuft.', en: 'Switching over.' },
  updatedAt: '2026-11-20T11:30:00.000Z',
};

describe('notification text', () => {
  it('says what is affected, since when, the status, what to do and where to read more, in German', () => {
    const { subject, text, html } = renderNotification(incident, 'de', settings);
    expect(subject).toBe('Neuigkeiten zur Störung: Anrufe <gestört> & mehr');
    expect(text).toContain('Betroffen: Ortsnetz Cottbus');
    expect(text).toContain('Seit: 20.11.2026, 11:00 MEZ');
    expect(text).toContain('Stand: Die Ursache ist gefunden, wir beheben sie.');
    expect(text).toContain('Nachricht vom 20.11.2026, 12:30 MEZ:\nUmschaltung läuft.');
    expect(text).toContain('Sie müssen nichts tun');
    expect(text).toContain('https://status.example.net/incidents/i1');
    expect(text).toContain(
      'Keine Nachrichten mehr erhalten: https://status.example.net/subscribe/manage/s1.mac',
    );
    expect(html).toContain('<h1 style="font-size:20px">Anrufe &lt;gestört&gt; &amp; mehr</h1>');
    expect(html).not.toContain('<gestört>');
    expect(html).toContain('<a href="https://status.example.net/subscribe/manage/s1.mac">');
  });

  it('speaks English to English readers and tells when it was resolved', () => {
    const resolved: IncidentNotice = {
      ...incident,
      event: 'incident.resolved',
      status: 'resolved',
      resolvedAt: '2026-11-20T12:00:00.000Z',
    };
    const { subject, text } = renderNotification(resolved, 'en', settings);
    expect(subject).toBe('Resolved: Calls <failing> & more');
    expect(text).toContain('Affected: Cottbus local numbers');
    expect(text).toContain('Resolved: 20 Nov 2026, 13:00 CET');
    expect(text).toContain('please restart your phone, router or PBX');
    expect(text).not.toContain('Wir');
  });

  it('counts down to a maintenance window in days or hours', () => {
    const m: MaintenanceNotice = {
      type: 'maintenance',
      event: 'maintenance.reminder',
      maintenanceId: 'm1',
      title: { de: 'Softwarepflege', en: 'Software update' },
      components: [{ de: 'SIP-Trunk', en: 'SIP trunk' }],
      scheduledStart: '2026-11-25T01:00:00.000Z',
      scheduledEnd: '2026-11-25T03:00:00.000Z',
      message: null,
      hoursBefore: 72,
    };
    expect(renderNotification(m, 'de', settings).text).toContain('Die Wartung beginnt in 3 Tagen.');
    expect(renderNotification({ ...m, hoursBefore: 1 }, 'en', settings).text).toContain(
      'The maintenance starts in one hour.',
    );
    expect(renderNotification(m, 'de', settings).text).toContain(
      'Zeitraum: 25.11.2026, 02:00 MEZ – 25.11.2026, 04:00 MEZ',
    );
  });

  it('tells a reporter why the report was closed, without an unsubscribe line', () => {
    const r: ReportNotice = {
      type: 'report',
      event: 'report.state_changed',
      reportId: 'r1',
      ticket: 'ST-2026-000007',
      state: 'closed',
      closeReason: 'local_cause',
      followPath: null,
      incident: null,
    };
    const { subject, text } = renderNotification(r, 'de', { ...settings, unsubscribeUrl: undefined });
    expect(subject).toBe('Ihre Meldung: ST-2026-000007');
    expect(noticeSubject(r, 'en')).toBe('Your report: ST-2026-000007');
    expect(text).toContain('liegt die Ursache bei Ihnen vor Ort');
    expect(text).not.toContain('Keine Nachrichten mehr');
  });
});
