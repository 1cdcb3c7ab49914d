import { describe, expect, it } from 'vitest';
import { sipTarget } from './uri.ts';

describe('sipTarget', () => {
  it('picks transport and default port from scheme and transport parameter', () => {
    expect(sipTarget('sip:ping@127.0.0.1')).toMatchObject({
      transport: 'UDP',
      host: '127.0.0.1',
      port: 5060,
    });
    expect(sipTarget('sip:sbc.example.net:5070;transport=TCP')).toMatchObject({
      transport: 'TCP',
      port: 5070,
      domain: 'sbc.example.net:5070',
    });
    expect(sipTarget('sip:a@sbc.example.net;transport=tls')).toMatchObject({
      transport: 'TLS',
      port: 5061,
      user: 'a',
    });
    expect(sipTarget('sips:[::1]:5071')).toMatchObject({
      transport: 'TLS',
      host: '::1',
      port: 5071,
      domain: '[::1]:5071',
      secure: true,
    });
  });

  it('refuses what is not a usable SIP URI', () => {
    for (const bad of [
      '',
      'http://x',
      'sip:',
      'sip:host:0',
      'sip:host:70000',
      'sip:h;transport=sctp',
      'sips:h;transport=udp',
      'sip:a b',
    ]) {
      expect(sipTarget(bad), bad).toBeUndefined();
    }
  });
});
