import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpoint } from '../src/webhooks/rules';
import { createSender } from '../src/webhooks/sender';
import {
  checkUrl,
  checkUrlSyntax,
  classifyAddress,
  isAddressAllowed,
  type Resolver,
} from '../src/webhooks/ssrf';

const strict = { allowPrivate: false };
const relaxed = { allowPrivate: true };
const resolveTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('SSRF: address classes', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.12.34.56', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique_local'],
    ['fc00::1', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['2002:a9fe:a9fe::1', 'link_local'],
    ['fd00:ec2::254', 'metadata'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('refuses private addresses unless allowed, and link-local ones always', () => {
    for (const address of ['10.1.2.3', '192.168.0.1', '127.0.0.1', '::1', 'fd00::1']) {
      expect(isAddressAllowed(address, strict)).toBe(false);
      expect(isAddressAllowed(address, relaxed)).toBe(true);
    }
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fe80::1', 'fd00:ec2::254']) {
      expect(isAddressAllowed(address, strict)).toBe(false);
      expect(isAddressAllowed(address, relaxed)).toBe(false);
    }
    expect(isAddressAllowed('8.8.8.8', strict)).toBe(true);
  });
});

describe('SSRF: URLs', () => {
  it.each([
    ['https://10.0.0.5/hook', 'webhook_url_not_allowed'],
    ['https://192.168.1.1/hook', 'webhook_url_not_allowed'],
    ['https://127.0.0.1:8443/hook', 'webhook_url_not_allowed'],
    ['https://[::1]/hook', 'webhook_url_not_allowed'],
    ['https://[fd00::1]/hook', 'webhook_url_not_allowed'],
    ['https://169.254.169.254/latest/meta-data', 'webhook_url_not_allowed'],
    ['https://[::ffff:169.254.169.254]/latest', 'webhook_url_not_allowed'],
    ['https://2130706433/', 'webhook_url_not_allowed'], // 127.0.0.1 written as a number
    ['https://0x7f.1/', 'webhook_url_not_allowed'],
    ['http://hooks.example.com/', 'webhook_url_https_required'],
    ['ftp://hooks.example.com/', 'webhook_url_invalid'],
    ['https://user:pass@hooks.example.com/', 'webhook_url_invalid'],
    ['hooks.example.com/webhooks', 'webhook_url_invalid'],
  ])('%s → %s', (url, code) => {
    expect(checkUrlSyntax(url, strict).problem?.code).toBe(code);
  });

  it('allows http and private addresses with FAKTURO_WEBHOOK_ALLOW_PRIVATE, never link-local', () => {
    expect(checkUrlSyntax('http://127.0.0.1:3000/hook', relaxed).problem).toBeNull();
    expect(checkUrlSyntax('http://10.0.0.5/hook', relaxed).problem).toBeNull();
    expect(checkUrlSyntax('http://169.254.169.254/', relaxed).problem?.code).toBe('webhook_url_not_allowed');
    expect(checkUrlSyntax('http://[fe80::1]/', relaxed).problem?.code).toBe('webhook_url_not_allowed');
  });

  it('refuses a host name that resolves to a private address, or to any refused address among several', async () => {
    const internal = await checkUrl('https://hooks.example.com/x', strict, resolveTo('10.20.30.40'));
    expect(internal).toMatchObject({ code: 'webhook_url_not_allowed' });
    expect(internal?.message).toContain('10.20.30.40');
    const mixed = await checkUrl(
      'https://hooks.example.com/x',
      strict,
      resolveTo('93.184.216.34', '127.0.0.1'),
    );
    expect(mixed?.code).toBe('webhook_url_not_allowed');
    expect(await checkUrl('https://hooks.example.com/x', strict, resolveTo('93.184.216.34'))).toBeNull();
    const metadata = await checkUrl('http://metadata.internal/', relaxed, resolveTo('169.254.169.254'));
    expect(metadata?.code).toBe('webhook_url_not_allowed');
  });

  it('refuses localhost by its real DNS answer', async () => {
    expect((await checkUrl('https://localhost/hook', strict))?.code).toBe('webhook_url_not_allowed');
  });

  it('reports URL and event filter problems together', () => {
    const { errors } = checkEndpoint(
      {
        url: 'https://10.0.0.1/',
        description: null,
        enabledEvents: ['invoice.*', 'Invoice Paid'],
        enabled: true,
        metadata: {},
      },
      strict,
    );
    expect(errors.list.map((e) => [e.path, e.code])).toEqual([
      ['url', 'webhook_url_not_allowed'],
      ['enabledEvents.1', 'event_type_pattern_invalid'],
    ]);
  });
});

describe('SSRF at delivery: the connection goes to the address that was checked', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(String(req.headers.host));
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a name that resolves to loopback at delivery time (DNS rebinding) without connecting', async () => {
    // the name passed the creation check with a public answer; now DNS says 127.0.0.1
    const sender = createSender({ policy: strict, resolver: resolveTo('127.0.0.1') });
    const result = await sender.send(`https://rebind.example.com:${port}/hook`, {}, '{}');
    await sender.close();
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^address_not_allowed: rebind\.example\.com resolves to 127\.0\.0\.1/);
    expect(hits).toEqual([]);
  });

  it('refuses an IP-literal URL at delivery without a lookup', async () => {
    const sender = createSender({ policy: strict });
    const result = await sender.send(`http://127.0.0.1:${port}/hook`, {}, '{}');
    await sender.close();
    expect(result.error).toMatch(/^address_not_allowed/);
    expect(hits).toEqual([]);
  });

  it('connects to the resolved, checked address when it is allowed', async () => {
    const sender = createSender({ policy: relaxed, resolver: resolveTo('127.0.0.1') });
    const result = await sender.send(`http://receiver.example.test:${port}/hook`, {}, '{}');
    await sender.close();
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(hits).toEqual([`receiver.example.test:${port}`]);
  });

  it('never reaches link-local, even when private addresses are allowed', async () => {
    const sender = createSender({ policy: relaxed, resolver: resolveTo('::ffff:169.254.169.254') });
    const result = await sender.send('http://metadata.example.test/latest/meta-data', {}, '{}');
    await sender.close();
    expect(result.error).toMatch(/^address_not_allowed/);
  });
});
