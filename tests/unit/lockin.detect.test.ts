import { describe, expect, it } from 'vitest';
import { detectBrowser, detectSystem, readBrowserClues } from '../../lib/lockin/detect';

const brands = (...names: string[]) => names.map((brand) => ({ brand }));

describe('detectBrowser', () => {
  it.each([
    [brands('Not)A;Brand', 'Chromium', 'Google Chrome'), 'chrome'],
    [brands('Microsoft Edge', 'Chromium', 'Not.A/Brand'), 'edge'],
    [brands('Chromium', 'Not_A Brand'), 'chromium'],
    [[], 'chrome'],
    [undefined, 'chrome'],
  ] as const)('Chromium build with brands %j is %s', (given, expected) => {
    expect(detectBrowser({ family: 'chrome', brands: given })).toBe(expected);
  });

  it('the Firefox build, or a browser that answers getBrowserInfo, is Firefox', () => {
    expect(detectBrowser({ family: 'firefox' })).toBe('firefox');
    expect(detectBrowser({ family: 'chrome', firefoxName: 'Firefox' })).toBe('firefox');
  });
});

describe('detectSystem', () => {
  it.each([
    ['win', 'windows'],
    ['mac', 'mac'],
    ['linux', 'linux'],
    ['openbsd', 'linux'],
    ['cros', undefined],
    ['android', undefined],
    [undefined, undefined],
  ] as const)('%s is %s', (os, expected) => {
    expect(detectSystem(os)).toBe(expected);
  });
});

describe('readBrowserClues', () => {
  it('asks for the platform, and getBrowserInfo only in Firefox', async () => {
    let asked = 0;
    const getBrowserInfo = async () => {
      asked++;
      return { name: 'Firefox' };
    };
    expect(await readBrowserClues('firefox', { getPlatformInfo: async () => ({ os: 'mac' }), getBrowserInfo })).toEqual({ browser: 'firefox', system: 'mac' });
    expect(asked).toBe(1);
    expect(await readBrowserClues('chrome', { getPlatformInfo: async () => ({ os: 'win' }), getBrowserInfo, brands: brands('Microsoft Edge') })).toEqual({
      browser: 'edge',
      system: 'windows',
    });
    expect(asked).toBe(1);
  });

  it('a browser that will not say leaves the system to the person', async () => {
    expect(await readBrowserClues('chrome', { getPlatformInfo: () => Promise.reject(new Error('no')) })).toEqual({ browser: 'chrome', system: undefined });
  });
});
