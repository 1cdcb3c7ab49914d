import { describe, expect, it } from 'vitest';
import { type AnnouncementIncident, announcementText, spoken, spokenTime } from './announcement.ts';

const now = new Date('2026-11-22T13:30:00Z'); // 14:30 in Berlin
const where = { timeZone: 'Europe/Berlin', now };
const incident = (over: Partial<AnnouncementIncident> = {}): AnnouncementIncident => ({
  id: 'i1',
  title: { de: 'Telefonie in Cottbus gestört', en: 'Calls in Cottbus failing' },
  status: 'investigating',
  startedAt: '2026-11-22T13:05:00Z',
  override: null,
  ...over,
});

describe('announcementText', () => {
  it('is empty when nothing concerns the caller', () => {
    expect(announcementText({ locale: 'de', ...where, incidents: [], maintenances: [] })).toEqual({
      text: '',
      incidentIds: [],
      maintenanceIds: [],
    });
  });

  it('says what, since when, how far, and that nobody needs to report it — in German and English', () => {
    const de = announcementText({ locale: 'de', ...where, incidents: [incident()], maintenances: [] });
    expect(de.text).toBe(
      'Guten Tag. Wir haben derzeit eine Störung: Telefonie in Cottbus gestört. Sie besteht seit 14:05 Uhr. ' +
        'Wir suchen mit Hochdruck nach der Ursache. Sie müssen uns diese Störung nicht melden. ' +
        'Aktuelle Informationen finden Sie auf unserer Statusseite. Vielen Dank für Ihre Geduld.',
    );
    const en = announcementText({
      locale: 'en',
      ...where,
      incidents: [incident({ status: 'identified' })],
      maintenances: [],
    });
    expect(en.text).toContain('We currently have an outage: Calls in Cottbus failing. It began at 2:05 pm.');
    expect(en.text).toContain('We have found the cause and are fixing it.');
    expect(en.incidentIds).toEqual(['i1']);
  });

  it("uses the operator's own text instead of the generated sentences, made fit for speech", () => {
    const a = announcementText({
      locale: 'de',
      ...where,
      incidents: [
        incident({
          override: { de: 'Ein **Bagger** hat ein Kabel getroffen. Siehe https://x.example', en: '' },
        }),
      ],
      maintenances: [],
    });
    expect(a.text).toContain('Guten Tag. Ein Bagger hat ein Kabel getroffen. Siehe. Sie müssen');
    expect(a.text).not.toContain('Wir haben derzeit');
    // the English override is empty: the generated English text is used
    const en = announcementText({
      locale: 'en',
      ...where,
      incidents: [incident({ override: { de: 'x', en: '' } })],
      maintenances: [],
    });
    expect(en.text).toContain('We currently have an outage');
  });

  it('names running maintenance with its expected end, with the day when it is not today', () => {
    const a = announcementText({
      locale: 'de',
      ...where,
      incidents: [],
      maintenances: [
        { id: 'm1', title: { de: 'Umbau SBC', en: 'SBC rebuild' }, scheduledEnd: '2026-11-23T05:00:00Z' },
      ],
    });
    expect(a.text).toContain(
      'Wegen Wartungsarbeiten – Umbau SBC – kann es bis voraussichtlich Montag, 23. November, 06:00 Uhr',
    );
    expect(a.text).not.toContain('nicht melden');
    expect(a.maintenanceIds).toEqual(['m1']);
  });

  it('lists several incidents oldest first', () => {
    const a = announcementText({
      locale: 'en',
      ...where,
      incidents: [
        incident({ id: 'late', title: { de: 'B', en: 'Second' }, startedAt: '2026-11-22T13:20:00Z' }),
        incident({ id: 'early', title: { de: 'A', en: 'First' } }),
      ],
      maintenances: [],
    });
    expect(a.incidentIds).toEqual(['early', 'late']);
    expect(a.text.indexOf('First')).toBeLessThan(a.text.indexOf('Second'));
  });
});

describe('spoken', () => {
  it('drops links, markdown and symbols a speech synthesiser would read out', () => {
    expect(spoken('[Status](https://s.example) *jetzt*: <b>ok</b> #1 {x}')).toBe('Status jetzt: ok 1 x');
    expect(spoken('  Alles   gut!!  ')).toBe('Alles gut');
  });
});

describe('spokenTime', () => {
  it('follows the zone, including daylight saving time', () => {
    expect(
      spokenTime('2026-07-01T10:00:00Z', {
        locale: 'de',
        timeZone: 'Europe/Berlin',
        now: new Date('2026-07-01T11:00:00Z'),
      }),
    ).toBe('12:00 Uhr');
    expect(
      spokenTime('2026-07-01T10:00:00Z', {
        locale: 'en',
        timeZone: 'America/New_York',
        now: new Date('2026-07-01T11:00:00Z'),
      }),
    ).toBe('6:00 am');
  });
});
