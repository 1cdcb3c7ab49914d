import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { skipOrFail } from '../../../test/support/peers.ts';
import { synthesize } from './espeak.ts';
import { type Pcm, readWav, resample, writeWav } from './wav.ts';

const tone = (hz: number, rate: number, seconds: number): Pcm => {
  const samples = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(10_000 * Math.sin((2 * Math.PI * hz * i) / rate));
  return { sampleRate: rate, samples };
};
const rms = (s: Int16Array) => Math.sqrt(s.reduce((a, v) => a + v * v, 0) / s.length);

describe('wav', () => {
  it('round-trips 16-bit mono PCM with exact sizes', () => {
    const pcm = tone(440, 8000, 0.1);
    const bytes = writeWav(pcm);
    expect(bytes.length).toBe(44 + pcm.samples.length * 2);
    expect(readWav(bytes)).toEqual(pcm);
    expect(readWav(new TextEncoder().encode('RIFF....WAVEfmt nothing of use here at all....'))).toBeNull();
  });

  it('keeps the voice band and removes what 8 kHz cannot carry when resampling', () => {
    const voice = resample(tone(1000, 22050, 0.5), 8000);
    expect(voice.sampleRate).toBe(8000);
    expect(voice.samples.length).toBe(4000);
    expect(rms(voice.samples.subarray(100, -100))).toBeGreaterThan(6500); // 10 000 / √2 ≈ 7071
    const hiss = resample(tone(6000, 22050, 0.5), 8000);
    expect(rms(hiss.samples.subarray(100, -100))).toBeLessThan(300);
  });
});

const espeakMissing = spawnSync('espeak-ng', ['--version']).error
  ? skipOrFail('espeak-ng', 'not installed (Debian package espeak-ng)')
  : null;

describe('espeak-ng', () => {
  it.skipIf(espeakMissing)('speaks German into an 8 kHz WAV', async () => {
    const r = await synthesize('Guten Tag. Wir haben derzeit eine Störung.', {
      locale: 'de',
      sampleRate: 8000,
    });
    expect(r.ok).toBe(true);
    const pcm = r.ok ? readWav(r.wav) : null;
    expect(pcm?.sampleRate).toBe(8000);
    expect(pcm!.samples.length).toBeGreaterThan(8000); // more than a second of speech
    expect(rms(pcm!.samples)).toBeGreaterThan(100);
  });

  it('says when the program is not installed', async () => {
    const r = await synthesize('x', { locale: 'en', sampleRate: 8000, command: 'espeak-ng-not-here' });
    expect(r).toEqual({ ok: false, reason: 'not_installed' });
  });
});
