import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHep } from '#src/adapters/hep/decode.ts';
import { parseSipMessage, type SipMessage } from '#src/adapters/sip/message.ts';
import {
  freePort,
  type HepSink,
  startHepSink,
  startKamailio,
  startSipp,
  stopAll,
  telephonySkipReason,
  waitFor,
  waitForExit,
} from '../support/telephony.ts';

const skip = telephonySkipReason();

/** Outcomes the UAS gives, one per call, in order (bounded: 16 calls at 40/s). */
const outcomes = [
  '200',
  '503',
  '486',
  '487',
  '480',
  '603',
  '404',
  '500',
  '200',
  '200',
  '503',
  '200',
  '486',
  '200',
  '603',
  '200',
];

describe.skipIf(skip)(
  'telephony harness: Kamailio proxies to SIPp and mirrors every message as HEP v3',
  () => {
    let sink: HepSink;
    let proxyPort: number;
    let uasPort: number;
    const messages: Array<{ srcPort: number; dstPort: number; message: SipMessage }> = [];

    beforeAll(async () => {
      sink = await startHepSink();
      uasPort = await freePort();
      await startSipp({ scenario: 'uas-invite.xml', port: uasPort, inf: outcomes });
      proxyPort = await freePort();
      await startKamailio({
        port: proxyPort,
        inviteTo: `127.0.0.1:${uasPort}`,
        hepTo: `127.0.0.1:${sink.port}`,
        password: 'pw',
      });
      const uac = await startSipp({
        scenario: 'uac-invite.xml',
        port: await freePort(),
        remote: `127.0.0.1:${proxyPort}`,
        rate: 40,
        calls: outcomes.length,
      });
      await waitForExit(uac, 20_000);
      for (const user of ['probe', 'blocked']) {
        const reg = await startSipp({
          scenario: 'uac-register.xml',
          port: await freePort(),
          remote: `127.0.0.1:${proxyPort}`,
          rate: 1,
          calls: 1,
          args: ['-s', user, '-au', user, '-ap', 'pw'],
        });
        await waitForExit(reg, 10_000);
      }
      // The mirror is asynchronous: wait until the last REGISTER answer (403) has arrived.
      await waitFor(
        () => sink.packets.some((p) => new TextDecoder().decode(p).includes('SIP/2.0 403')),
        5000,
      );
      for (const bytes of sink.packets) {
        const hep = decodeHep(bytes);
        if (!hep.ok) throw new Error(`undecodable HEP packet: ${hep.reason}`);
        const sip = parseSipMessage(hep.packet.payload);
        if (!sip.ok) throw new Error(`unparseable SIP in HEP: ${sip.reason}`);
        messages.push({ srcPort: hep.packet.srcPort, dstPort: hep.packet.dstPort, message: sip.message });
      }
    }, 60_000);
    afterAll(async () => {
      await stopAll();
      await sink?.close();
    });

    it('mirrors HEP3 packets that all decode and all carry parseable SIP', () => {
      expect(sink.packets.length).toBeGreaterThan(outcomes.length * 4);
      expect(new TextDecoder().decode(sink.packets[0]!.subarray(0, 4))).toBe('HEP3');
    });

    it('the UAS answered each call with the outcome its CSV row picked; the proxy turned 503 into 500 upstream', () => {
      const finals = (fromPort: number) =>
        messages
          .filter(
            (m) =>
              m.srcPort === fromPort && m.message.kind === 'response' && m.message.cseq.method === 'INVITE',
          )
          .map((m) => (m.message.kind === 'response' ? m.message.status : 0))
          .filter((s) => s >= 200);
      const byCall = new Map<string, number>();
      for (const m of messages) {
        if (
          m.srcPort === uasPort &&
          m.message.kind === 'response' &&
          m.message.status >= 200 &&
          m.message.cseq.method === 'INVITE'
        ) {
          byCall.set(m.message.callId, m.message.status);
        }
      }
      expect([...byCall.values()].sort()).toEqual(outcomes.map(Number).sort());
      const upstream = finals(proxyPort);
      expect(upstream).toContain(500);
      expect(upstream).not.toContain(503);
    });

    it('REGISTER: a digest challenge answered to 200 for a known user, 403 for the blocked one', () => {
      const answers = messages
        .filter(
          (m) =>
            m.srcPort === proxyPort && m.message.kind === 'response' && m.message.cseq.method === 'REGISTER',
        )
        .map((m) => (m.message.kind === 'response' ? m.message.status : 0));
      expect(answers).toEqual(expect.arrayContaining([401, 200, 403]));
    });
  },
);
