import { describe, expect, it } from 'vitest';
import { firefoxPolicyFolder } from '../../lib/lockin/firefox-json';
import { linuxPolicyJson } from '../../lib/lockin/linux-json';
import { checkInstallUrl, lockInFile, type LockInChoice } from '../../lib/lockin/lockin-file';
import { macMobileconfig, plistText } from '../../lib/lockin/mac-mobileconfig';
import { protectionsFor, type Protection } from '../../lib/lockin/policies';
import { regString, windowsRegFile } from '../../lib/lockin/windows-reg';
import { parsePlist, type PlistValue } from './plist-parser';

const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FIREFOX_ID = 'steadfast@steadfast.invalid';
const ALL: ReadonlySet<Protection> = new Set(['force-install', 'no-private', 'no-guest', 'no-new-profiles']);

function counter() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function file(over: Partial<LockInChoice>) {
  const outcome = lockInFile({ browser: 'chrome', system: 'linux', protections: ALL, extensionId: CHROME_ID, installUrl: '', uuid: counter(), ...over });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.file;
}

/** Chrome and Chromium close new profiles with "add person"; BrowserAddProfileEnabled is Edge's name, unknown to Chromium. */
function newProfilesPolicy(browser: 'chrome' | 'chromium' | 'edge'): string {
  return browser === 'edge' ? 'BrowserAddProfileEnabled' : 'BrowserAddPersonEnabled';
}

describe('Linux managed policy JSON', () => {
  it.each([
    ['chrome', '/etc/opt/chrome/policies/managed/', 'IncognitoModeAvailability', 'https://clients2.google.com/service/update2/crx'],
    ['chromium', '/etc/chromium/policies/managed/', 'IncognitoModeAvailability', 'https://clients2.google.com/service/update2/crx'],
    ['edge', '/etc/opt/edge/policies/managed/', 'InPrivateModeAvailability', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx'],
  ] as const)('%s: parses, goes in %s, has every chosen policy with its type', (browser, folder, privateName, store) => {
    const profilesName = newProfilesPolicy(browser);
    const made = file({ browser });
    expect(made).toMatchObject({ format: 'linux-json', name: 'steadfast.json', place: folder });
    expect(JSON.parse(made.text)).toEqual({
      ExtensionInstallForcelist: [`${CHROME_ID};${store}`],
      [privateName]: 1,
      BrowserGuestModeEnabled: false,
      [profilesName]: false,
    });
  });

  it('holds only what was chosen, and an install address the person gave', () => {
    const made = file({ protections: new Set(['force-install']), installUrl: 'http://127.0.0.1:8080/updates.xml' });
    expect(JSON.parse(made.text)).toEqual({ ExtensionInstallForcelist: [`${CHROME_ID};http://127.0.0.1:8080/updates.xml`] });
  });

  it('writes any string so that it parses back exactly (JSON.stringify escapes)', () => {
    const hostile = 'a"b\\c</script>\n]';
    expect(JSON.parse(linuxPolicyJson([['X', [hostile]]]))).toEqual({ X: [hostile] });
  });
});

describe('Firefox policies.json', () => {
  it('force-installs with private browsing allowed, and turns private windows off', () => {
    const made = file({ browser: 'firefox', extensionId: FIREFOX_ID, system: 'linux', installUrl: 'https://example.org/steadfast.xpi' });
    expect(made).toMatchObject({ format: 'firefox-json', name: 'policies.json', place: '/etc/firefox/policies/' });
    expect(JSON.parse(made.text)).toEqual({
      policies: {
        ExtensionSettings: {
          [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: 'https://example.org/steadfast.xpi', private_browsing: true },
        },
        PrivateBrowsingModeAvailability: 1,
      },
    });
  });

  it('without an address leaves install_url out (Firefox then finds the id on addons.mozilla.org)', () => {
    const made = file({ browser: 'firefox', extensionId: FIREFOX_ID, protections: new Set(['force-install']) });
    expect(JSON.parse(made.text)).toEqual({
      policies: { ExtensionSettings: { [FIREFOX_ID]: { installation_mode: 'force_installed', private_browsing: true } } },
    });
  });

  it('offers no guest or profile protection, and ignores them if asked', () => {
    expect(protectionsFor('firefox')).toEqual(['force-install', 'no-private']);
    const made = file({ browser: 'firefox', extensionId: FIREFOX_ID, protections: new Set(['no-guest', 'no-new-profiles', 'no-private']) });
    expect(JSON.parse(made.text)).toEqual({ policies: { PrivateBrowsingModeAvailability: 1 } });
  });

  it.each([
    ['windows', 'C:\\Program Files\\Mozilla Firefox\\distribution\\'],
    ['mac', '/Applications/Firefox.app/Contents/Resources/distribution/'],
    ['linux', '/etc/firefox/policies/'],
  ] as const)('on %s it goes in %s', (system, folder) => {
    expect(firefoxPolicyFolder(system)).toBe(folder);
    expect(file({ browser: 'firefox', extensionId: FIREFOX_ID, system }).place).toBe(folder);
  });
});

/** Reads a .reg file by regedit's rules, failing on any line it would not accept. */
function readReg(text: string): Map<string, Map<string, string>> {
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  expect(lines.at(-1)).toBe('');
  const keys = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of lines.slice(1, -1)) {
    if (line === '') continue;
    const key = /^\[(HKEY_LOCAL_MACHINE\\[^\]]+)\]$/.exec(line);
    if (key) {
      current = new Map();
      keys.set(key[1]!, current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=("(?:[^"\\]|\\.)*"|dword:[0-9a-f]{8})$/.exec(line);
    if (!value || !current) throw new Error(`regedit would not accept: ${line}`);
    current.set(value[1]!, value[2]!);
  }
  return keys;
}

describe('Windows .reg', () => {
  it.each([
    ['chrome', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome', 'IncognitoModeAvailability'],
    ['edge', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge', 'InPrivateModeAvailability'],
    ['chromium', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Chromium', 'IncognitoModeAvailability'],
  ] as const)('%s: header, CRLF, keys in brackets, dwords and a numbered forcelist', (browser, key, privateName) => {
    const made = file({ browser, system: 'windows' });
    expect(made).toMatchObject({ format: 'reg', name: `steadfast-${browser}.reg`, place: key });
    const keys = readReg(made.text);
    expect([...keys.keys()]).toEqual([key, `${key}\\ExtensionInstallForcelist`]);
    expect(Object.fromEntries(keys.get(key)!)).toEqual({
      [privateName]: 'dword:00000001',
      BrowserGuestModeEnabled: 'dword:00000000',
      [newProfilesPolicy(browser)]: 'dword:00000000',
    });
    const store = browser === 'edge' ? 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' : 'https://clients2.google.com/service/update2/crx';
    expect(Object.fromEntries(keys.get(`${key}\\ExtensionInstallForcelist`)!)).toEqual({ 1: `"${CHROME_ID};${store}"` });
  });

  it('with only force-install, writes only the forcelist key', () => {
    const keys = readReg(file({ system: 'windows', protections: new Set(['force-install']) }).text);
    expect([...keys.keys()]).toEqual(['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist']);
  });

  it('escapes backslashes and quotes in strings, and refuses line breaks and "]" in key paths', () => {
    expect(regString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(() => regString('a\r\n"x"=dword:00000001')).toThrow(/line break/);
    expect(() => windowsRegFile('chrome', [['X]\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other', ['v']]])).toThrow(/"\]"/);
    const keys = readReg(windowsRegFile('chrome', [['ExtensionInstallForcelist', ['a"b\\c']]]));
    expect(keys.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist')!.get('1')).toBe('"a\\"b\\\\c"');
  });
});

const at = (value: PlistValue, ...path: (string | number)[]): PlistValue =>
  path.reduce<PlistValue>((inner, step) => (inner as Record<string | number, PlistValue>)[step]!, value);

describe('macOS .mobileconfig', () => {
  it.each([
    ['chrome', 'com.google.Chrome', 'IncognitoModeAvailability'],
    ['edge', 'com.microsoft.Edge', 'InPrivateModeAvailability'],
    ['chromium', 'org.chromium.Chromium', 'IncognitoModeAvailability'],
  ] as const)('%s: a valid plist, a Configuration profile with a managed-preferences payload for %s', (browser, domain, privateName) => {
    const made = file({ browser, system: 'mac' });
    expect(made).toMatchObject({ format: 'mobileconfig', name: `steadfast-${browser}.mobileconfig` });
    const profile = parsePlist(made.text);
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadScope: 'System', PayloadIdentifier: 'invalid.steadfast.lockin' });
    const payloads = at(profile, 'PayloadContent') as PlistValue[];
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ PayloadType: 'com.apple.ManagedClient.preferences', PayloadVersion: 1, PayloadEnabled: true });
    expect(at(payloads[0]!, 'PayloadContent', domain, 'Forced', 0, 'mcx_preference_settings')).toEqual({
      ExtensionInstallForcelist: [
        `${CHROME_ID};${browser === 'edge' ? 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' : 'https://clients2.google.com/service/update2/crx'}`,
      ],
      [privateName]: 1,
      BrowserGuestModeEnabled: false,
      [newProfilesPolicy(browser)]: false,
    });
    const uuids = [at(profile, 'PayloadUUID'), at(payloads[0]!, 'PayloadUUID')];
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
  });

  it('has one payload per browser domain when asked for several, each with its own UUID', () => {
    const profile = parsePlist(macMobileconfig(['chrome', 'edge', 'chromium'], [['BrowserGuestModeEnabled', false]], 'Steadfast', counter()));
    const payloads = at(profile, 'PayloadContent') as Record<string, PlistValue>[];
    expect(payloads.map((payload) => Object.keys(payload.PayloadContent as object))).toEqual([
      ['com.google.Chrome'],
      ['com.microsoft.Edge'],
      ['org.chromium.Chromium'],
    ]);
    expect(new Set([...payloads.map((payload) => payload.PayloadUUID), at(profile, 'PayloadUUID')]).size).toBe(4);
  });

  it('XML-escapes every string, so hostile text stays text', () => {
    const hostile = `a"b'c<d>&e</string><true/>`;
    expect(plistText(hostile)).toBe('a&quot;b&apos;c&lt;d&gt;&amp;e&lt;/string&gt;&lt;true/&gt;');
    const profile = parsePlist(macMobileconfig(['chrome'], [['ExtensionInstallForcelist', [hostile]]], hostile, counter()));
    expect(at(profile, 'PayloadDisplayName')).toBe(hostile);
    expect(
      at(profile, 'PayloadContent', 0, 'PayloadContent', 'com.google.Chrome', 'Forced', 0, 'mcx_preference_settings', 'ExtensionInstallForcelist', 0),
    ).toBe(hostile);
    expect(() => plistText('a\u0001b')).toThrow(/control/);
  });

  it('the strict reader refuses what a plist may not hold (so the tests above can fail)', () => {
    const good = macMobileconfig(['chrome'], [['BrowserGuestModeEnabled', false]], 'Steadfast', counter());
    expect(() => parsePlist(good.replace('<string>Steadfast</string>', '<string>a<b</string>'))).toThrow();
    expect(() => parsePlist(good.replace('<string>Steadfast</string>', '<string>a & b</string>'))).toThrow();
    expect(() => parsePlist(good.replace('<key>PayloadScope</key>', ''))).toThrow();
    expect(() => parsePlist(good.replace('</plist>', '</plist><x/>'))).toThrow();
  });
});

describe('hostile ids and addresses are refused with a clear message, and no file', () => {
  it.each(['abc', `${CHROME_ID}"`, `${CHROME_ID};https://evil.test`, 'ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP', `${CHROME_ID}\r\n`, `<${CHROME_ID}>`])(
    'Chromium id %j',
    (extensionId) => {
      expect(lockInFile({ browser: 'chrome', system: 'windows', protections: ALL, extensionId, installUrl: '' })).toEqual({
        ok: false,
        message: 'Steadfast could not read its own id in a form this browser accepts, so it has made no file.',
      });
    },
  );

  it.each(['steadfast"@x.invalid', 'a@b\\c', '<x>@y', 'x@y]\n', ''])('Firefox id %j', (extensionId) => {
    expect(lockInFile({ browser: 'firefox', system: 'linux', protections: ALL, extensionId, installUrl: '' }).ok).toBe(false);
  });

  it.each([
    'https://example.org/a"b',
    'https://example.org/a\\b',
    'https://example.org/<x>',
    'https://example.org/]',
    'https://example.org/a\nb',
    'https://example.org/a;b',
    "https://example.org/a'b",
    'https://user:pass@example.org/',
  ])('unsafe address %j', (installUrl) => {
    expect(checkInstallUrl(installUrl)).toEqual({
      ok: false,
      message: 'That address has spaces, quotes or other characters an install address never needs. Please check it and try again.',
    });
    expect(lockInFile({ browser: 'chrome', system: 'windows', protections: ALL, extensionId: CHROME_ID, installUrl }).ok).toBe(false);
  });

  it.each(['example.org/updates.xml', 'http://example.org/updates.xml', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'not an https address %j',
    (installUrl) => {
      expect(checkInstallUrl(installUrl)).toEqual({ ok: false, message: "That doesn't look like an install address: it should start with https://" });
    },
  );

  it('no protection chosen: no file, and says what to do', () => {
    expect(lockInFile({ browser: 'chrome', system: 'linux', protections: new Set(), extensionId: CHROME_ID, installUrl: '' })).toEqual({
      ok: false,
      message: 'Choose at least one thing to close to make a file.',
    });
  });
});
