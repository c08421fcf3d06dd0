// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { KetamineHealthCard } from '../../components/KetamineHealthCard';
import catalogue from '../../public/_locales/en/messages.json';
import { healthCardItem, healthCardPlaces } from '../../lib/help/health-card';

afterEach(cleanup);

const SOURCES = readFileSync(join(import.meta.dirname, '../../lib/help/HEALTH-SOURCES.md'), 'utf8');

describe("the ketamine health card's sources", () => {
  const keys = Object.keys(catalogue).filter((key) => key.startsWith('health_'));
  const rows = new Map([...SOURCES.matchAll(/^\| `(health_\w+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]));
  const defined = new Set([...SOURCES.matchAll(/^- \*\*(S\d+)\*\*/gm)].map((m) => m[1]!));

  test('every sentence on the card is listed with its sources, and every source cited is defined with an address', () => {
    expect(keys.length).toBeGreaterThan(10);
    expect([...rows.keys()].sort()).toEqual([...keys].sort());
    for (const [key, cited] of rows) {
      const ids = cited.match(/S\d+/g) ?? [];
      if (ids.length === 0) expect(cited, key).toMatch(/no claim|this file/);
      for (const id of ids) expect(defined, `${key} cites ${id}`).toContain(id);
    }
    for (const id of defined) expect(SOURCES).toMatch(new RegExp(`\\*\\*${id}\\*\\*[^]*?https://`));
  });
});

describe('where the card points', () => {
  test.each([
    ['GB', '999', ['NHS 111', 'FRANK (national drugs advice service)'], 'FRANK: Ketamine'],
    ['IE', '112', ['HSE Drugs and Alcohol Helpline'], undefined],
    ['AU', '000', ['National Alcohol and Other Drug Hotline'], undefined],
  ] as const)('%s: the emergency number, the urgent and drug lines, and the ketamine page', (region, emergency, lines, page) => {
    const places = healthCardPlaces(region);
    expect(places.emergency?.phone).toBe(emergency);
    expect(places.lines.map((s) => s.name)).toEqual(lines);
    expect(places.ketaminePage?.name).toBe(page);
  });

  test("somewhere else: no number we don't know", () => {
    expect(healthCardPlaces('INTL')).toEqual({ emergency: undefined, lines: [], ketaminePage: undefined });
  });
});

describe('KetamineHealthCard', () => {
  test('closed by default: only its title shows until the person opens it, and the choice is reported', () => {
    const onToggle = vi.fn();
    const { container } = render(<KetamineHealthCard open={false} onToggle={onToggle} places={healthCardPlaces('GB')} />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(screen.getByRole('heading', { name: 'Ketamine and your body' })).toBeTruthy();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  test('open: signs that need a doctor, recovery, where to go, and care for anyone who uses anyway, in that order', () => {
    const { container } = render(<KetamineHealthCard open onToggle={() => {}} places={healthCardPlaces('GB')} />);
    const text = container.textContent!;
    const order = [
      'pain when you pass urine',
      'blood in your urine',
      'needing to go often',
      'K-cramps',
      'The bladder can get better',
      'Your GP',
      'NHS 111',
      'FRANK',
      'Don’t use alone',
      'alcohol or other depressants',
      'call 999 and put them in the recovery position',
    ];
    const at = order.map((words) => text.indexOf(words));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(screen.getByRole('link', { name: 'Call 111' }).getAttribute('href')).toBe('tel:111');
    expect(screen.getByRole('link', { name: 'Call 0300 123 6600' }).getAttribute('href')).toBe('tel:03001236600');
    expect(screen.getByRole('link', { name: 'More about ketamine: FRANK: Ketamine' }).getAttribute('href')).toBe('https://www.talktofrank.com/drug/ketamine');
  });

  test('somewhere else, it says to call the local emergency number', () => {
    render(<KetamineHealthCard open onToggle={() => {}} places={healthCardPlaces('INTL')} />);
    expect(screen.getByText(/call your local emergency number and put them in the recovery position/)).toBeTruthy();
  });

  test('the choice is stored, closed until then', async () => {
    expect(await healthCardItem.getValue()).toBe(false);
    await healthCardItem.setValue(true);
    expect(await healthCardItem.getValue()).toBe(true);
  });
});
