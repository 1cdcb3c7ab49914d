import { describe, expect, it } from 'vitest';
import {
  codeAccepted,
  formatDuration,
  heartbeatMissed,
  type MonitorStatus,
  nextMonitorState,
  parseCodeRanges,
  parseDuration,
} from './monitor.ts';

const t0 = '2026-11-20T10:00:00.000Z';
const at = (s: number) => new Date(Date.parse(t0) + s * 1000);

describe('nextMonitorState', () => {
  const up: MonitorStatus = { state: 'up', consecutiveFailures: 0, since: t0 };

  it('goes down only after downAfter failures in a row, with the time of the change', () => {
    const one = nextMonitorState(up, 'down', 2, at(15));
    expect(one).toEqual({ state: 'up', consecutiveFailures: 1, since: t0, changed: false });
    const two = nextMonitorState(one, 'down', 2, at(30));
    expect(two).toEqual({
      state: 'down',
      consecutiveFailures: 2,
      since: at(30).toISOString(),
      changed: true,
    });
    const three = nextMonitorState(two, 'down', 2, at(45));
    expect(three).toMatchObject({
      state: 'down',
      consecutiveFailures: 3,
      since: at(30).toISOString(),
      changed: false,
    });
  });

  it('is back up after one success, and a success resets the failure count', () => {
    const down: MonitorStatus = { state: 'down', consecutiveFailures: 5, since: t0 };
    expect(nextMonitorState(down, 'up', 2, at(1))).toEqual({
      state: 'up',
      consecutiveFailures: 0,
      since: at(1).toISOString(),
      changed: true,
    });
    const flaky = nextMonitorState(nextMonitorState(up, 'down', 3, at(1)), 'up', 3, at(2));
    expect(flaky).toMatchObject({ state: 'up', consecutiveFailures: 0, changed: false });
  });

  it('treats overloaded as its own state at once, not as a failure', () => {
    const o = nextMonitorState(up, 'overloaded', 2, at(5));
    expect(o).toMatchObject({ state: 'overloaded', consecutiveFailures: 0, changed: true });
  });

  it('leaves unknown at the first failure and downAfter 1 goes down at once', () => {
    const unknown: MonitorStatus = { state: 'unknown', consecutiveFailures: 0, since: t0 };
    expect(nextMonitorState(unknown, 'down', 2, at(1)).state).toBe('unknown');
    expect(nextMonitorState(unknown, 'down', 1, at(1)).state).toBe('down');
  });
});

describe('heartbeatMissed', () => {
  const settings = { periodSeconds: 3600, graceSeconds: 300 };
  it('counts from the last ping, or from when watching began', () => {
    expect(heartbeatMissed(t0, t0, settings, at(3900))).toBe(false);
    expect(heartbeatMissed(t0, t0, settings, at(3901))).toBe(true);
    expect(heartbeatMissed(null, t0, settings, at(3901))).toBe(true);
    expect(heartbeatMissed(at(3000).toISOString(), t0, settings, at(3901))).toBe(false);
  });
});

describe('code ranges', () => {
  it('parses ranges and single codes and matches codes', () => {
    const r = parseCodeRanges('200-299, 404');
    expect(r).toEqual([
      [200, 299],
      [404, 404],
    ]);
    expect(codeAccepted(r!, 204)).toBe(true);
    expect(codeAccepted(r!, 404)).toBe(true);
    expect(codeAccepted(r!, 403)).toBe(false);
  });
  it.each(['', '2xx', '299-200', '99', '200-700', '200,,300', '200-'])('refuses %j', (text) => {
    expect(parseCodeRanges(text)).toBeNull();
  });
});

describe('durations', () => {
  it('reads seconds as numbers and units as text, and writes them back', () => {
    expect(parseDuration(15)).toBe(15_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('0s')).toBeNull();
    expect(parseDuration('-1')).toBeNull();
    expect(parseDuration('15 minutes')).toBeNull();
    expect(formatDuration(15_000)).toBe('15s');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(formatDuration(3_600_000)).toBe('1h');
  });
});
