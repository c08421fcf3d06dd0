import { describe, expect, test } from 'vitest';
import {
  badgeFor,
  browserFamily,
  describeProblem,
  protectionProblems,
  readProtection,
  showBadge,
  type ProtectionFacts,
} from '../../lib/blocking/protection-status';
import type { NotInForce } from '../../lib/blocking/build-rules';

const ALL_ON: ProtectionFacts = { siteAccess: true, privateWindows: true, notInForce: [] };
const missing = (display: string, part: NotInForce['part'] = 'trigger'): NotInForce => ({ id: display, display, part, reason: 'limit' });

describe('what is off', () => {
  test('all on: no problem and an empty badge', () => {
    expect(protectionProblems(ALL_ON)).toEqual([]);
    expect(badgeFor([], 'chrome').text).toBe('');
  });

  test('the most serious first: site access, triggers not in force, private windows, copies', () => {
    const problems = protectionProblems({
      siteAccess: false,
      privateWindows: false,
      notInForce: [missing('forum.test/late'), missing('example.com', 'copies'), missing('forum.test/late')],
    });
    expect(problems).toEqual([
      { kind: 'site-access' },
      { kind: 'not-in-force', names: ['forum.test/late'] },
      { kind: 'private-windows' },
      { kind: 'copies', names: ['example.com'] },
    ]);
    const badge = badgeFor(problems, 'chrome');
    expect(badge.text).toBe('!');
    expect(badge.title).toContain('taken away its access to sites');
  });

  test('private windows alone still show on the badge, in a less alarming colour', () => {
    const problems = protectionProblems({ ...ALL_ON, privateWindows: false });
    expect(problems).toEqual([{ kind: 'private-windows' }]);
    const badge = badgeFor(problems, 'firefox');
    expect(badge.text).toBe('!');
    expect(badge.color).not.toBe(badgeFor([{ kind: 'site-access' }], 'firefox').color);
    expect(badge.title).toContain('Private windows are not covered');
  });

  test('the steps to turn it back on name each browser’s own place and switch', () => {
    expect(describeProblem({ kind: 'private-windows' }, 'chrome').how).toMatch(/chrome:\/\/extensions.*Allow in Incognito/);
    expect(describeProblem({ kind: 'private-windows' }, 'firefox').how).toMatch(/about:addons.*Run in Private Windows/);
    expect(describeProblem({ kind: 'site-access' }, 'chrome').how).toMatch(/chrome:\/\/extensions.*On all sites/);
    expect(describeProblem({ kind: 'site-access' }, 'firefox').how).toMatch(/about:addons.*Permissions/);
    expect(browserFamily('firefox')).toBe('firefox');
    expect(browserFamily('chrome')).toBe('chrome');
    expect(browserFamily('edge')).toBe('chrome');
  });

  test('triggers not in force are named; a long list is cut short with a count', () => {
    const few = protectionProblems({ ...ALL_ON, notInForce: [missing('a.test/x'), missing('buy ket')] });
    expect(describeProblem(few[0]!, 'chrome').what).toContain('“a.test/x”, “buy ket”');
    const many = protectionProblems({ ...ALL_ON, notInForce: Array.from({ length: 12 }, (_, i) => missing(`w${i}`)) });
    const words = describeProblem(many[0]!, 'chrome').what;
    expect(words).toContain('“w0”, “w1”, “w2”, “w3”, “w4” and 7 more');
    expect(words).not.toContain('w5');
  });
});

describe('reading and showing it', () => {
  test('an answer the browser cannot give counts as off (loud, not quiet)', async () => {
    const facts = await readProtection({
      permissions: { contains: () => Promise.reject(new Error('no')) },
      extension: {
        isAllowedIncognitoAccess: () => {
          throw new Error('not here');
        },
      },
      status: { getValue: async () => ({ notInForce: [missing('x.test/y')] }) },
    });
    expect(facts).toEqual({ siteAccess: false, privateWindows: false, notInForce: [missing('x.test/y')] });
  });

  test('granted access reads as on', async () => {
    const facts = await readProtection({
      permissions: { contains: async ({ origins }) => origins.includes('<all_urls>') },
      extension: { isAllowedIncognitoAccess: async () => true },
      status: { getValue: async () => ({ notInForce: [] }) },
    });
    expect(protectionProblems(facts)).toEqual([]);
  });

  test('the badge is set on the toolbar button: text, colour and tooltip', async () => {
    const calls: unknown[] = [];
    const action = {
      setBadgeText: (d: { text: string }) => void calls.push(['text', d.text]),
      setBadgeBackgroundColor: (d: { color: string }) => void calls.push(['color', d.color]),
      setTitle: (d: { title: string }) => void calls.push(['title', d.title]),
    };
    await showBadge(badgeFor([{ kind: 'site-access' }], 'chrome'), action);
    expect(calls[0]).toEqual(['text', '!']);
    expect(calls.map((call) => (call as string[])[0])).toEqual(['text', 'color', 'title']);
    calls.length = 0;
    await showBadge(badgeFor([], 'chrome'), action);
    expect(calls[0]).toEqual(['text', '']);
  });
});

describe('the copies setting: on at once, off after the cooling-off', () => {
  const NOW = Date.UTC(2026, 5, 1);
  const base = { settings: { waitSeconds: 30, coolingOffHours: 24 }, partner: null, pending: [] };

  test('turning it off waits out the cooling-off, then applies; turning it on again ends the wait', async () => {
    const { decideCopies } = await import('../../lib/settings/edits');
    const { applyDue } = await import('../../lib/triggers/cooling-off');
    const off = decideCopies(base, false, NOW, () => 'c1');
    expect(off.next.settings).toBeUndefined();
    expect(off.next.pending).toEqual([expect.objectContaining({ kind: 'copies-off', id: 'c1', effectiveAt: NOW + 24 * 3_600_000 })]);
    expect(off.outcome).toEqual({ message: expect.stringContaining('Copies stop being paused in') });
    const state = { triggers: [], settings: base.settings, pending: off.next.pending! };
    expect(applyDue(state, NOW + 23 * 3_600_000).settings).toEqual(base.settings);
    expect(applyDue(state, NOW + 24 * 3_600_000).settings).toEqual({ ...base.settings, pauseCopies: false });
    const on = decideCopies({ settings: base.settings, partner: null, pending: off.next.pending! }, true, NOW + 60_000, () => 'c2');
    expect(on.next).toEqual({ settings: { ...base.settings, pauseCopies: true }, pending: [] });
  });
});
