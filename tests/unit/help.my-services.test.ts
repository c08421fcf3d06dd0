import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serviceLinks } from '../../lib/help/links';
import { checkMyService, loadMyServices, myServicesItem, withService, type MyService, type MyServiceInput } from '../../lib/help/my-services';

const CLINIC: MyServiceInput = { name: 'Riverside clinic', phone: '0161 496 0000', sms: '', url: '', note: 'Ask for Jo' };
const existing: MyService[] = [{ id: 's1', ...CLINIC }];

describe('checking what the person typed', () => {
  test('a name and a phone are enough; spaces are trimmed, the written form kept', () => {
    expect(checkMyService({ ...CLINIC, name: '  Riverside clinic ', phone: ' 0161 496 0000 ', note: '' })).toEqual({
      ok: true,
      service: { name: 'Riverside clinic', phone: '0161 496 0000', sms: '', url: '', note: '' },
    });
  });

  test.each([
    [{ name: '   ' }, 'name', /name/],
    [{ phone: '' }, 'phone', /digits/],
    [{ phone: 'call my sponsor' }, 'phone', /digits/],
    [{ sms: 'none' }, 'sms', /digits/],
    [{ url: 'javascript:alert(1)' }, 'url', /web address/],
    [{ url: 'JavaScript:alert(document.cookie)' }, 'url', /web address/],
    [{ url: 'data:text/html,<script>alert(1)</script>' }, 'url', /web address/],
    [{ url: 'file:///etc/passwd' }, 'url', /web address/],
    [{ url: 'mailto:jo@example.org' }, 'url', /web address/],
    [{ url: 'not a website' }, 'url', /web address/],
    [{ url: 'clinic' }, 'url', /web address/],
  ] as const)('%o is refused with a message for %s', (change, field, message) => {
    const check = checkMyService({ ...CLINIC, ...change });
    expect(check).toMatchObject({ ok: false, field });
    if (!check.ok) expect(check.message).toMatch(message);
  });

  test.each([
    ['https://clinic.example.org/callback', 'https://clinic.example.org/callback'],
    ['http://clinic.example.org', 'http://clinic.example.org/'],
    ['clinic.example.org', 'https://clinic.example.org/'],
    ['clinic.example.org:8443/book', 'https://clinic.example.org:8443/book'],
    ['', ''],
  ])('website %s is kept as %s', (url, saved) => {
    expect(checkMyService({ ...CLINIC, url })).toMatchObject({ ok: true, service: { url: saved } });
  });

  test('its links dial digits only', () => {
    const check = checkMyService({ ...CLINIC, phone: '+44 (0)161 496-0000', sms: '07700 900 123' });
    if (!check.ok) throw new Error(check.message);
    expect(serviceLinks(check.service)).toEqual({ call: 'tel:+4401614960000', text: 'sms:07700900123' });
  });
});

describe('adding, changing and removing', () => {
  test('adds with a new id, changes in place, and leaves the list alone on bad input', () => {
    const added = withService(existing, { ...CLINIC, name: 'Sponsor', phone: '07700 900 456' }, undefined, () => 's2');
    expect(added).toEqual({ ok: true, list: [...existing, { id: 's2', ...CLINIC, name: 'Sponsor', phone: '07700 900 456' }] });
    const changed = withService(existing, { ...CLINIC, note: 'Callback within the hour' }, 's1');
    expect(changed).toEqual({ ok: true, list: [{ id: 's1', ...CLINIC, note: 'Callback within the hour' }] });
    const refused = withService(existing, { ...CLINIC, url: 'javascript:alert(1)' }, 's1');
    expect(refused).toMatchObject({ ok: false, field: 'url' });
    expect(existing).toEqual([{ id: 's1', ...CLINIC }]);
  });

  test('the stored list round-trips, and a malformed or hostile entry is dropped, never linked', async () => {
    await myServicesItem.setValue(existing);
    expect(await loadMyServices()).toEqual(existing);
    await fakeBrowser.storage.local.set({
      myServices: [
        ...existing,
        { id: 'bad', name: 'Trap', phone: '123', sms: '', url: 'javascript:alert(1)', note: '' },
        { id: 'no-phone', name: 'Nothing', phone: '', sms: '', url: '', note: '' },
        'nonsense',
        null,
        { name: 'No id', phone: '1', sms: '', url: '', note: '' },
      ],
    });
    expect(await loadMyServices()).toEqual(existing);
    await fakeBrowser.storage.local.set({ myServices: 'not a list' });
    expect(await loadMyServices()).toEqual([]);
  });
});
