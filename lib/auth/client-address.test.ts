import { describe, expect, test } from 'vitest';
import { clientAddress } from './client-address.server';

const from = (headers: Record<string, string>, proxies: string[]) => clientAddress(new Headers(headers), proxies);

describe('clientAddress', () => {
  test('without trusted proxies no header names the client', () => {
    expect(from({ 'x-forwarded-for': '203.0.113.9' }, [])).toBeNull();
    expect(from({ 'x-forwarded-for': '203.0.113.9, 198.51.100.1', 'x-real-ip': '203.0.113.9' }, [])).toBeNull();
  });

  test('behind trusted proxies the right-most address outside them is the client', () => {
    const proxies = ['10.0.0.0/8', '2001:db8:ffff::1'];
    expect(from({ 'x-forwarded-for': '198.51.100.7' }, proxies)).toBe('198.51.100.7');
    expect(from({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.1.2.3' }, proxies)).toBe('198.51.100.7');
    expect(from({ 'x-forwarded-for': 'forged, 198.51.100.7, 2001:db8:ffff::1, 10.0.0.1' }, proxies)).toBe(
      '198.51.100.7',
    );
    const repeated = new Headers([
      ['x-forwarded-for', '1.2.3.4'],
      ['x-forwarded-for', '198.51.100.8, 10.0.0.1'],
    ]);
    expect(clientAddress(repeated, proxies)).toBe('198.51.100.8');
  });

  test('a chain without a client, or with a malformed hop before it, names none', () => {
    const proxies = ['10.0.0.1'];
    expect(from({}, proxies)).toBeNull();
    expect(from({ 'x-forwarded-for': '10.0.0.1' }, proxies)).toBeNull();
    expect(from({ 'x-forwarded-for': '198.51.100.7:4711, 10.0.0.1' }, proxies)).toBeNull();
    expect(from({ 'x-forwarded-for': 'unknown, 10.0.0.1' }, proxies)).toBeNull();
  });

  test('IPv6 clients count by their /64 network; IPv4-mapped addresses as IPv4', () => {
    const proxies = ['::1'];
    expect(from({ 'x-forwarded-for': '2001:DB8:1:2:aaaa::1, ::1' }, proxies)).toBe('2001:db8:1:2::/64');
    expect(from({ 'x-forwarded-for': '2001:db8:1:2:bbbb:cccc:dddd:eeee' }, proxies)).toBe('2001:db8:1:2::/64');
    expect(from({ 'x-forwarded-for': '2001:db8::1' }, proxies)).toBe('2001:db8:0:0::/64');
    expect(from({ 'x-forwarded-for': '64:ff9b::192.0.2.1' }, proxies)).toBe('64:ff9b:0:0::/64');
    expect(from({ 'x-forwarded-for': '::ffff:198.51.100.7' }, proxies)).toBe('198.51.100.7');
    expect(from({ 'x-forwarded-for': '198.51.100.7, ::ffff:10.0.0.1' }, ['10.0.0.1'])).toBe('198.51.100.7');
  });
});
