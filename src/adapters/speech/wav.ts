/**
 * @module Just enough WAV for the hotline announcement: read 16-bit PCM mono as espeak-ng writes it
 * (to a pipe the RIFF and data sizes are placeholders, so the data runs to the end of the
 * buffer), resample it to the rate a phone system plays (8 kHz narrowband for Asterisk's `.wav`,
 * 16 kHz for `.wav16`), and write a WAV with exact sizes. Pure computation on buffers.
 */

export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/** Null when the bytes are not 16-bit PCM mono WAV. */
export function readWav(bytes: Uint8Array): Pcm | null {
  if (bytes.length < 44) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let at = 12;
  let sampleRate = 0;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      const format = view.getUint16(at + 8, true);
      const channels = view.getUint16(at + 10, true);
      sampleRate = view.getUint32(at + 12, true);
      const bits = view.getUint16(at + 22, true);
      if (format !== 1 || channels !== 1 || bits !== 16) return null;
    } else if (id === 'data') {
      if (!sampleRate) return null;
      const start = at + 8;
      // A streamed header says "unknown" with a huge size: take what is there.
      const end = Math.min(bytes.length, start + size) & ~1;
      const samples = new Int16Array(Math.max(0, (end - start) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(start + i * 2, true);
      return { sampleRate, samples };
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/**
 * Band-limited resampling (windowed sinc, Blackman window, cutoff 90 % of the lower Nyquist
 * frequency), so that going down to 8 kHz does not fold the synthesiser's high frequencies back
 * into the voice band as hiss.
 */
export function resample(pcm: Pcm, targetRate: number): Pcm {
  if (pcm.sampleRate === targetRate) return pcm;
  const ratio = pcm.sampleRate / targetRate;
  const cutoff = (0.9 * Math.min(pcm.sampleRate, targetRate)) / 2 / pcm.sampleRate; // cycles per input sample
  const half = Math.ceil(8 * Math.max(1, ratio));
  const out = new Int16Array(Math.floor(pcm.samples.length / ratio));
  const x = pcm.samples;
  for (let n = 0; n < out.length; n++) {
    const t = n * ratio;
    const centre = Math.floor(t);
    let acc = 0;
    let norm = 0;
    for (let k = centre - half + 1; k <= centre + half; k++) {
      const d = t - k;
      const w = 0.42 + 0.5 * Math.cos((Math.PI * d) / half) + 0.08 * Math.cos((2 * Math.PI * d) / half);
      const arg = 2 * cutoff * d;
      const h = w * (arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg));
      norm += h;
      if (k >= 0 && k < x.length) acc += x[k]! * h;
    }
    out[n] = Math.max(-32768, Math.min(32767, Math.round(acc / norm)));
  }
  return { sampleRate: targetRate, samples: out };
}

export function writeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const put = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) bytes[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++) view.setInt16(44 + i * 2, pcm.samples[i]!, true);
  return bytes;
}
