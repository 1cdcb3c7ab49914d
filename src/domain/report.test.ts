import { describe, expect, it } from 'vitest';
import {
  defaultCloudNamePattern,
  formatTicket,
  identifierSpecs,
  parseTriagePath,
  ticketSequence,
  toE164,
  validateReport,
} from './report.ts';

describe('toE164', () => {
  it.each([
    ['0355 123456', '+49355123456'],
    ['+49 355 123456', '+49355123456'],
    ['0049 (355) 123-456', '+49355123456'],
    ['+43 1 235008080', '+431235008080'],
    ['0171/1234567', '+491711234567'],
  ])('%s → %s', (raw, e164) => expect(toE164(raw)).toBe(e164));

  it.each(['', '123456', '+0 355 1', '+49 12', '0355 12a456', '+49 3551234567890123'])('refuses %j', (raw) =>
    expect(toE164(raw)).toBeNull(),
  );

  it('uses the default calling code for national numbers', () => {
    expect(toE164('01 2350080', '43')).toBe('+4312350080');
  });
});

describe('tickets', () => {
  it('formats and reads back the sequence', () => {
    expect(formatTicket(2026, 123)).toBe('ST-2026-000123');
    expect(ticketSequence('ST-2026-000123')).toBe(123);
    expect(ticketSequence('ST-2026-123')).toBeNull();
  });
});

describe('parseTriagePath', () => {
  it('keeps well-formed steps after the symptom and drops the rest', () => {
    expect(parseTriagePath('no-calls', 'registered:yes,bad step,restart:no,a:b:c')).toEqual([
      { node: 'symptom', answer: 'no-calls' },
      { node: 'registered', answer: 'yes' },
      { node: 'restart', answer: 'no' },
    ]);
    expect(parseTriagePath(undefined, undefined)).toEqual([]);
  });
});

describe('identifierSpecs', () => {
  it('reads catalog JSON; a oneOf member is never required on its own', () => {
    expect(
      identifierSpecs([{ key: 'a', label_de: 'A', required: true, oneOf: 'g' }, 'junk', { nokey: 1 }]),
    ).toEqual([
      { key: 'a', label_de: 'A', label_en: 'A', hint_de: '', hint_en: '', required: false, oneOf: 'g' },
    ]);
  });
});

describe('validateReport', () => {
  const service = {
    id: 'cloud',
    reporters: ['partner'],
    queue: 'cloud',
    identifiers: identifierSpecs([{ key: 'cloudName' }]),
  };
  const options = { cloudNamePattern: new RegExp(defaultCloudNamePattern), hasOtherService: false };
  const base = {
    company: ' Muster GmbH ',
    firstName: 'Erika',
    lastName: 'Muster',
    email: 'erika@muster.example',
    phone: '0355 123456',
    reporterKind: 'partner',
    serviceId: 'cloud',
    identifiers: { cloudName: 'MaxMuster.Example-Cloud.com', other: 'ignored' },
    description: 'Weboberfläche nicht erreichbar.',
    consent: true,
  };

  it("trims, normalises and keeps only the service's identifiers", () => {
    const r = validateReport(base, service, options);
    expect(r).toMatchObject({
      ok: true,
      report: {
        company: 'Muster GmbH',
        phone: '+49355123456',
        identifiers: { cloudName: 'maxmuster.example-cloud.com' },
      },
    });
  });

  it('applies a configured cloud name pattern', () => {
    const strict = { ...options, cloudNamePattern: /^[a-z0-9-]+\.example-cloud\.com$/ };
    expect(validateReport({ ...base, identifiers: { cloudName: 'max.other.net' } }, service, strict)).toEqual(
      {
        ok: false,
        errors: [{ path: 'identifiers.cloudName', key: 'report.error.cloudName' }],
      },
    );
  });

  it('names each field that is too long', () => {
    const r = validateReport(
      { ...base, company: 'x'.repeat(201), description: 'y'.repeat(5001) },
      service,
      options,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'company', key: 'error.tooLong', params: { max: 200 } },
        { path: 'description', key: 'error.tooLong', params: { max: 5000 } },
      ],
    });
  });

  it('refuses a service nobody may report', () => {
    const r = validateReport(base, { ...service, reporters: [] }, options);
    expect(r).toEqual({ ok: false, errors: [{ path: 'service', key: 'report.error.notReportable' }] });
  });
});
