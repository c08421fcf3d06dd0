// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { UrgeLog } from '../../components/UrgeLog';
import { UrgeInsights } from '../../components/progress/UrgeInsights';
import { t } from '../../lib/i18n/i18n';
import { urgeInsights } from '../../lib/progress/urge-insights';
import type { UrgeEvent } from '../../lib/history/event';

const HELP = 'chrome-extension://id/help.html';
afterEach(cleanup);

const rate = (legend: string, value: number) =>
  fireEvent.click(within(screen.getByRole('group', { name: legend })).getByRole('radio', { name: String(value) }));

describe('UrgeLog', () => {
  test('saves what was filled in, checked, and says so', async () => {
    const onSave = vi.fn(async () => {});
    render(<UrgeLog kind="full" onSave={onSave} onSkip={() => {}} helpHref={HELP} />);
    rate(t('urgeLog_before'), 6);
    rate(t('urgeLog_after'), 2);
    fireEvent.click(screen.getByRole('checkbox', { name: t('urgeLog_setOff_lonely') }));
    fireEvent.click(screen.getByRole('radio', { name: t('urgeLog_action_own') }));
    fireEvent.input(screen.getByRole('textbox', { name: t('urgeLog_ownAction') }), { target: { value: ' Rang Sam ' } });
    fireEvent.input(screen.getByRole('textbox', { name: t('urgeLog_minutes') }), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: t('urgeLog_save') }));
    await screen.findByText(t('urgeLog_saved'));
    expect(onSave).toHaveBeenCalledWith({ before: 6, after: 2, minutes: 20, setOffBy: ['lonely'], action: 'own', ownAction: 'Rang Sam' });
  });

  test('skip is one tap, saves nothing and closes', () => {
    const onSave = vi.fn(async () => {});
    const onSkip = vi.fn();
    render(<UrgeLog kind="full" onSave={onSave} onSkip={onSkip} helpHref={HELP} />);
    rate(t('urgeLog_before'), 6);
    fireEvent.click(screen.getByRole('button', { name: t('urgeLog_skip') }));
    expect(onSkip).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(t('urgeLog_skipped'));
  });

  test('without the start strength: a clear message, nothing saved', () => {
    const onSave = vi.fn(async () => {});
    render(<UrgeLog kind="full" onSave={onSave} onSkip={() => {}} helpHref={HELP} />);
    fireEvent.click(screen.getByRole('checkbox', { name: t('urgeLog_setOff_tired') }));
    fireEvent.click(screen.getByRole('button', { name: t('urgeLog_save') }));
    expect(screen.getByRole('alert').textContent).toBe(t('urgeLog_needStart'));
    expect(onSave).not.toHaveBeenCalled();
  });

  test('a failed save says so and keeps the answers', async () => {
    render(<UrgeLog kind="full" onSave={() => Promise.reject(new Error('disk'))} onSkip={() => {}} helpHref={HELP} />);
    rate(t('urgeLog_before'), 4);
    fireEvent.click(screen.getByRole('button', { name: t('urgeLog_save') }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(t('urgeLog_saveError')));
    expect(within(screen.getByRole('group', { name: t('urgeLog_before') })).getByRole('radio', { name: '4' })).toHaveProperty('checked', true);
  });

  test('at the top of the scale help comes first', () => {
    render(<UrgeLog kind="full" onSave={async () => {}} onSkip={() => {}} helpHref={HELP} />);
    expect(screen.queryByRole('link', { name: t('common_getHelpNow') })).toBeNull();
    rate(t('urgeLog_before'), 9);
    expect(screen.getByRole('link', { name: t('common_getHelpNow') }).getAttribute('href')).toBe(HELP);
  });

  test('after urge surfing it asks only what set it off and what they did, ticked choices kept', async () => {
    const onSave = vi.fn(async () => {});
    render(<UrgeLog kind="details" heading={3} initialSetOffs={['site']} onSave={onSave} onSkip={() => {}} helpHref={HELP} />);
    expect(screen.queryByRole('group', { name: t('urgeLog_before') })).toBeNull();
    expect(screen.queryByRole('textbox', { name: t('urgeLog_minutes') })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: t('urgeLog_action_distract') }));
    fireEvent.click(screen.getByRole('button', { name: t('urgeLog_save') }));
    await screen.findByText(t('urgeLog_saved'));
    expect(onSave).toHaveBeenCalledWith({ setOffBy: ['site'], action: 'distract' });
  });
});

describe('UrgeInsights on Progress', () => {
  let n = 0;
  const urge = (fields: Partial<UrgeEvent>): UrgeEvent => ({ id: `u${n++}`, type: 'urge', at: 0, tz: 'UTC', before: 8, ...fields });

  test('nothing logged: a kind line and where to log, no list of zeros', () => {
    render(<UrgeInsights insights={urgeInsights([])} />);
    expect(screen.getByText(t('progress_urgesEmpty'))).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  test('ranked with counts, shared ranks the same number, the few tries marked; the fade time; the triggers', () => {
    const urges = [
      ...[1, 2, 3].map(() => urge({ after: 2, action: 'distract', minutes: 12, setOffBy: ['tired'] })),
      ...[1, 2, 3].map(() => urge({ after: 6, action: 'delay', minutes: 20 })),
      urge({ after: 0, action: 'escape', setOffBy: ['tired', 'place'] }),
    ];
    render(<UrgeInsights insights={urgeInsights(urges)} />);
    const [helped, setOffs] = screen.getAllByRole('list');
    const items = within(helped!).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-action'))).toEqual(['distract', 'delay', 'escape']);
    expect(items[0]!.textContent).toContain('fell by 6 on average (3 times)');
    expect(items[2]!.textContent).toContain(t('progress_helpedFew'));
    expect(screen.getByText('Your urges fade after about 16 minutes.')).toBeTruthy();
    expect(
      within(setOffs!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Feeling tired: 4 times', 'A place: 1 time']);
  });
});
