/**
 * Reading clientConfig answers: the servers the form is filled with, the
 * placeholders, and answers that are broken or hostile (never a throw).
 */
import { describe, expect, it } from 'vitest';
import { readClientConfig } from './client-config';
import { parseXml } from './xml-tree';

const ADDRESS = 'ann.lee@example.org';

const config = (servers: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<!-- a provider's answer -->
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <displayName>Example &amp; Co Mail</displayName>
    ${servers}
    ${extra}
  </emailProvider>
</clientConfig>`;

const server = (kind: 'incomingServer' | 'outgoingServer', type: string, host: string, port: number, socket: string, user = '%EMAILADDRESS%') =>
  `<${kind} type="${type}"><hostname>${host}</hostname><port>${port}</port><socketType>${socket}</socketType><username>${user}</username><authentication>password-cleartext</authentication></${kind}>`;

describe('readClientConfig', () => {
  it('takes the IMAP and SMTP servers, preferring implicit TLS over STARTTLS whatever the order', () => {
    const found = readClientConfig(
      config(
        server('incomingServer', 'pop3', 'pop.example.org', 995, 'SSL') +
          server('incomingServer', 'imap', 'imap.example.org', 143, 'STARTTLS') +
          server('incomingServer', 'imap', 'imap.example.org', 993, 'SSL') +
          server('outgoingServer', 'smtp', 'smtp.example.org', 587, 'STARTTLS'),
      ),
      ADDRESS,
    );
    expect(found).toEqual({
      incoming: { host: 'imap.example.org', port: 993, security: 'tls', username: ADDRESS },
      outgoing: { host: 'smtp.example.org', port: 587, security: 'starttls', username: ADDRESS },
      displayName: 'Example & Co Mail',
    });
  });

  it('fills %EMAILLOCALPART% and %EMAILDOMAIN% in user names and host names', () => {
    const found = readClientConfig(
      config(server('incomingServer', 'imap', 'imap.%EMAILDOMAIN%', 993, 'SSL', '%EMAILLOCALPART%') + server('outgoingServer', 'smtp', 'smtp.%EMAILDOMAIN%', 465, 'SSL', 'in-%EMAILDOMAIN%')),
      ADDRESS,
    );
    expect(found?.incoming).toEqual({ host: 'imap.example.org', port: 993, security: 'tls', username: 'ann.lee' });
    expect(found?.outgoing).toEqual({ host: 'smtp.example.org', port: 465, security: 'tls', username: 'in-example.org' });
  });

  it('never offers an unencrypted server that is not this computer', () => {
    const found = readClientConfig(config(server('incomingServer', 'imap', 'imap.example.org', 143, 'plain') + server('outgoingServer', 'smtp', '127.0.0.1', 2525, 'plain')), ADDRESS);
    expect(found?.incoming).toBeNull();
    expect(found?.outgoing).toEqual({ host: '127.0.0.1', port: 2525, security: 'none', username: ADDRESS });
  });

  it('skips servers with a bad host, port or socket type and keeps the good ones', () => {
    const found = readClientConfig(
      config(
        server('incomingServer', 'imap', 'bad host!', 993, 'SSL') +
          server('incomingServer', 'imap', 'imap.example.org', 70000, 'SSL') +
          server('incomingServer', 'imap', 'imap.example.org', 993, 'QUANTUM') +
          server('incomingServer', 'imap', 'imap2.example.org', 993, 'SSL'),
      ),
      ADDRESS,
    );
    expect(found?.incoming?.host).toBe('imap2.example.org');
    expect(found?.outgoing).toBeNull();
  });

  it('answers null for documents that are not a usable clientConfig, and never throws', () => {
    const bad = [
      '',
      'not xml at all',
      '<html><body>404</body></html>',
      '<clientConfig><emailProvider></emailProvider></clientConfig>',
      '<clientConfig><emailProvider><incomingServer type="imap"><hostname>imap.example.org',
      '<<<>>>&&&;<clientConfig',
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><clientConfig><emailProvider>&b;</emailProvider></clientConfig>',
      '<'.repeat(10_000) + '<a>'.repeat(20_000),
    ];
    for (const text of bad) expect(readClientConfig(text, ADDRESS)).toBeNull();
  });

  it('reads a truncated answer as far as it goes', () => {
    const whole = config(server('incomingServer', 'imap', 'imap.example.org', 993, 'SSL') + server('outgoingServer', 'smtp', 'smtp.example.org', 465, 'SSL'));
    const cut = whole.slice(0, whole.indexOf('<outgoingServer'));
    const found = readClientConfig(cut, ADDRESS);
    expect(found?.incoming?.host).toBe('imap.example.org');
    expect(found?.outgoing).toBeNull();
  });
});

describe('parseXml', () => {
  it('decodes the predefined and numeric entities, CDATA and namespaced names, and leaves prototype keys alone', () => {
    const root = parseXml('<x:a __proto__="evil" b=\'1 &lt; 2\'>&#x41;&#66;<![CDATA[<c>]]></x:a>');
    const a = root.children[0];
    expect(a?.name).toBe('a');
    expect(a?.attributes).toEqual({ b: '1 < 2' });
    expect(a?.text).toBe('AB<c>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
