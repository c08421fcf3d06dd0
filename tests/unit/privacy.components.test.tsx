// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { App } from '../../entrypoints/privacy/App';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

test('the privacy page says what is kept where, what never happens and why each permission is needed', () => {
  render(<App />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your privacy');
  expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
    'What Steadfast keeps, and where',
    'What Steadfast never does',
    'Links you choose to open',
    'What each permission is for',
    'Your data, your choice',
  ]);
  expect(document.body.textContent).toContain('It collects nothing about you and sends nothing anywhere.');
  const permissions = [...document.querySelectorAll('dt code')].map((code) => code.textContent);
  expect(permissions).toEqual(['declarativeNetRequest', '<all_urls>', 'storage', 'alarms', 'downloads', 'notifications']);
  for (const dd of document.querySelectorAll('dd')) expect(dd.textContent).not.toMatch(/^privacy_/);
  expect(screen.getByText('Last changed on 6 December 2026.')).toBeTruthy();
});

test('the Firefox build names the tabs permission it alone asks for (Reader View), with its reason', () => {
  vi.stubEnv('BROWSER', 'firefox');
  render(<App />);
  const permissions = [...document.querySelectorAll('dt code')].map((code) => code.textContent);
  expect(permissions).toEqual(['declarativeNetRequest', '<all_urls>', 'storage', 'alarms', 'tabs', 'downloads', 'notifications']);
  expect(document.body.textContent).toContain('Firefox only: lets Steadfast see the address of a page shown in Reader View');
});

// Help is one click away from the page shell in its static HTML (tests/unit/crisis.page.test.ts).
test('the way back to My recovery', () => {
  render(<App />);
  expect(screen.getByRole('link', { name: 'Back to My recovery' }).getAttribute('href')).toMatch(/\/options\.html$/);
});
