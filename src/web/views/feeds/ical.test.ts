import { describe, expect, it } from 'vitest';
import type { MaintenanceView } from '#src/services/views.ts';
import { escapeText, foldLine, icalUtc, maintenanceEvent, renderCalendar } from './ical.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\tok\u0007bell')).toBe('tab\tokbell');
  });

  it('folds at 75 octets without splitting UTF-8 characters and unfolds to the original', () => {
    const line = `SUMMARY:${'Wartung Ü€😀 '.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, p] of physical.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      expect(p).not.toContain('\uFFFD');
      // No lone surrogate halves: each physical line is valid UTF-16 on its own.
      expect(p.isWellFormed()).toBe(true);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('counts the leading space of a continuation line', () => {
    const physical = foldLine(`X:${'a'.repeat(200)}`).split('\r\n');
    expect(physical.map(octets)).toEqual([75, 75, 54]);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    const exact = `X:${'a'.repeat(73)}`;
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`)).toBe(`${exact}\r\n b`);
  });

  it('writes UTC date-times', () => {
    expect(icalUtc('2026-10-25T00:30:00.000Z')).toBe('20261025T003000Z');
  });
});

describe('calendar', () => {
  const m: MaintenanceView = {
    id: 'm1',
    title: { de: 'x', en: 'x' },
    status: 'cancelled',
    scheduledStart: '2026-10-25T00:00:00.000Z',
    scheduledEnd: '2026-10-25T02:00:00.000Z',
    startedAt: null,
    completedAt: '2026-10-20T00:00:00.000Z',
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-20T00:00:00.000Z',
    version: 3,
    componentIds: [],
    updates: [],
  };

  it('renders CRLF lines with one VEVENT per window', () => {
    const event = maintenanceEvent(m, {
      host: 'status.example.net',
      url: 'https://status.example.net/maintenance/m1',
      title: 'Core, switch; upgrade',
      text: 'Line one\nLine two',
      affected: 'Affected: A, B',
      cancelledLabel: 'Cancelled',
    });
    const ics = renderCalendar({ name: 'Wartungen', description: 'd', language: 'DE' }, [event]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('UID:m1@status.example.net');
    expect(lines).toContain('SUMMARY:Cancelled: Core\\, switch\\; upgrade');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('DTSTART:20261025T000000Z');
    expect(lines).toContain('DTEND:20261025T020000Z');
    expect(lines).toContain('DTSTAMP:20261020T000000Z');
    expect(lines).toContain(
      'DESCRIPTION:Line one\\nLine two\\n\\nAffected: A\\, B\\n\\nhttps://status.example.net/maintenance/m1',
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});
