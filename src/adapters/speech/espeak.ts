/**
 * @module Speech for the hotline announcement through `espeak-ng`, when it is installed (Debian
 * `espeak-ng`): the text goes in on stdin (never on the command line, so no length limit and no
 * quoting), WAV comes out on stdout and is resampled to the phone system's rate. Bounded: a
 * timeout kills the process, and output beyond a size limit is refused.
 */
import { spawn } from 'node:child_process';
import { readWav, resample, writeWav } from './wav.ts';

export interface SpeechOptions {
  locale: 'de' | 'en';
  /** 8000 (narrowband, Asterisk `.wav`) or 16000 (wideband). */
  sampleRate: number;
  timeoutMs?: number;
  /** The program; tests point it elsewhere to check the "not installed" path. */
  command?: string;
}

export type SpeechResult =
  | { ok: true; wav: Uint8Array }
  | { ok: false; reason: 'not_installed' | 'failed' | 'timeout' | 'too_large' };

const maxOutputBytes = 32 * 1024 * 1024;

export function synthesize(text: string, options: SpeechOptions): Promise<SpeechResult> {
  return new Promise((resolve) => {
    const voice = options.locale === 'de' ? 'de' : 'en-gb';
    const child = spawn(options.command ?? 'espeak-ng', ['-v', voice, '-s', '150', '--stdout', '--stdin'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (r: SpeechResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ ok: false, reason: 'timeout' });
    }, options.timeoutMs ?? 15_000);
    child.on('error', (err: NodeJS.ErrnoException) =>
      done({ ok: false, reason: err.code === 'ENOENT' ? 'not_installed' : 'failed' }),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) {
        child.kill('SIGKILL');
        done({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    });
    child.on('close', (code) => {
      if (code !== 0) return done({ ok: false, reason: 'failed' });
      const pcm = readWav(Buffer.concat(chunks));
      if (!pcm) return done({ ok: false, reason: 'failed' });
      done({ ok: true, wav: writeWav(resample(pcm, options.sampleRate)) });
    });
    child.stdin.on('error', () => {}); // the process may exit before reading everything
    child.stdin.end(text);
  });
}
