// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Breathing } from '../../components/exercises/Breathing';
import { CopingTools } from '../../components/exercises/CopingTools';
import { Grounding } from '../../components/exercises/Grounding';
import { HaltCheck } from '../../components/exercises/HaltCheck';
import { UrgeSurfing } from '../../components/exercises/UrgeSurfing';
import { BOX_BREATHING, GROUNDING_STEPS } from '../../lib/coping/exercises';
import { t } from '../../lib/i18n/i18n';
import type { SupportPerson } from '../../lib/plan/plan';

const HELP = 'chrome-extension://id/help.html';

const SAM: SupportPerson = {
  id: 'p1',
  name: 'Sam',
  relationship: 'sister',
  phone: '07700 900 123',
  email: 'sam@example.org',
  willDo: 'Pick up any time',
};

/**
 * Unmounts inside `act`, as a page closing a view would: Preact then finishes its own paint
 * bookkeeping at once, so any timer still counted afterwards is one the exercise left running.
 */
function unmountNow(unmount: () => void) {
  act(() => unmount());
}

/** Moves the fake clock on, letting Preact render what the timers changed. */
function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Breathing', () => {
  test('guides box breathing phase by phase and announces each phase once', () => {
    render(<Breathing reducedMotion={false} />);
    const live = screen.getByRole('status');
    expect(live.textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(live.textContent).toBe('Round 1 of 4. Breathe in for 4.');
    expect(document.querySelector('.breathing-phase')?.textContent).toBe('Breathe in');

    // The live text stays the same through a phase (a screen reader hears it once), while the
    // visible count moves every second.
    const seen: string[] = [];
    const counts: string[] = [];
    for (let s = 0; s < 17; s++) {
      if (seen.at(-1) !== live.textContent) seen.push(live.textContent ?? '');
      counts.push(document.querySelector('.breathing-count')?.textContent ?? '');
      advance(1000);
    }
    expect(seen).toEqual(['Round 1 of 4. Breathe in for 4.', 'Hold for 4.', 'Breathe out for 4.', 'Hold for 4.', 'Round 2 of 4. Breathe in for 4.']);
    expect(counts.slice(0, 6)).toEqual(['1', '2', '3', '4', '1', '2']);
  });

  test('the circle grows on the breath in, holds, and shrinks on the breath out', () => {
    const { container } = render(<Breathing reducedMotion={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    const scale = () => (container.querySelector('.breathing-circle') as HTMLElement).style.getPropertyValue('--breath-scale');
    expect(scale()).toBe('1');
    advance(8000);
    expect(scale()).toBe('0.55');
  });

  test('4-7-8 can be chosen', () => {
    render(<Breathing reducedMotion={false} />);
    fireEvent.click(screen.getByRole('radio', { name: /4-7-8 breathing/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    advance(4000);
    expect(screen.getByRole('status').textContent).toBe('Hold for 7.');
  });

  test('with reduced motion it is text only: no circle, the same phases and counts', () => {
    const { container } = render(<Breathing reducedMotion />);
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(container.querySelector('.breathing-circle')).toBeNull();
    expect(container.querySelector('.breathing-guide.text-only')?.textContent).toContain('Breathe in');
    advance(1000);
    expect(container.querySelector('.breathing-count')?.textContent).toBe('2 of 4');
  });

  test('follows the system setting when no prop is given', () => {
    const query = { matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() };
    vi.stubGlobal(
      'matchMedia',
      vi.fn(() => query),
    );
    try {
      const { container } = render(<Breathing />);
      fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
      expect(container.querySelector('.breathing-circle')).toBeNull();
      expect(matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('finishes after every round, stops its timer, and can go again', () => {
    render(<Breathing reducedMotion={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    advance(16_000 * BOX_BREATHING.rounds + 1000);
    expect(screen.getByRole('status').textContent).toMatch(/All done/);
    expect(vi.getTimerCount()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Go again' }));
    expect(screen.getByRole('status').textContent).toBe('Round 1 of 4. Breathe in for 4.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stop' }));
  });

  test('stop and unmount leave no timer running', () => {
    const { unmount } = render(<Breathing reducedMotion={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(vi.getTimerCount()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    advance(3000);
    unmountNow(unmount);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('UrgeSurfing', () => {
  function rate(value: number) {
    fireEvent.click(screen.getByRole('radio', { name: String(value) }));
  }

  test('rate, ride out 5 minutes with changing guidance, rate again: records before, after and minutes', () => {
    const onUrgeRecorded = vi.fn();
    render(<UrgeSurfing onUrgeRecorded={onUrgeRecorded} helpHref={HELP} />);
    expect(screen.queryByRole('button', { name: '5 minutes' })).toBeNull();

    rate(7);
    expect(screen.getByText('7: A very strong urge')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '5 minutes' }));
    expect(screen.getByRole('timer').textContent).toBe('5:00 left');
    expect(screen.getByRole('status').textContent).toBe('Notice where you feel the urge in your body. Just notice it.');

    const lines = new Set<string>();
    for (let s = 0; s < 5 * 60 - 10; s += 10) {
      lines.add(screen.getByRole('status').textContent ?? '');
      advance(10_000);
    }
    expect(lines.size).toBe(7);
    expect(screen.getByRole('timer').textContent).toBe('0:10 left');

    advance(10_000);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/Time's up/);
    expect(vi.getTimerCount()).toBe(0);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Rate it again' }));
    expect(onUrgeRecorded).not.toHaveBeenCalled();

    rate(4);
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onUrgeRecorded).toHaveBeenCalledOnce();
    expect(onUrgeRecorded).toHaveBeenCalledWith({ before: 7, after: 4, minutes: 5 });
    expect(screen.getByRole('status').textContent).toBe('It went from 7 to 4. You rode that wave.');
  });

  test('stopping early records the first rating and the minutes waited, and stops the timer', () => {
    const onUrgeRecorded = vi.fn();
    render(<UrgeSurfing onUrgeRecorded={onUrgeRecorded} helpHref={HELP} />);
    rate(6);
    fireEvent.click(screen.getByRole('button', { name: '10 minutes' }));
    advance(2 * 60_000);
    fireEvent.click(screen.getByRole('button', { name: 'Stop here' }));
    expect(onUrgeRecorded).toHaveBeenCalledWith({ before: 6, minutes: 2 });
    expect(vi.getTimerCount()).toBe(0);
    expect(screen.getByRole('button', { name: 'Surf another wave' })).toBeTruthy();
  });

  test('"Rate it now" ends the wave early and still asks for the second rating', () => {
    const onUrgeRecorded = vi.fn();
    render(<UrgeSurfing onUrgeRecorded={onUrgeRecorded} helpHref={HELP} />);
    rate(5);
    fireEvent.click(screen.getByRole('button', { name: '20 minutes' }));
    advance(3 * 60_000);
    fireEvent.click(screen.getByRole('button', { name: 'Rate it now' }));
    expect(vi.getTimerCount()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Finish without rating' }));
    expect(onUrgeRecorded).toHaveBeenCalledWith({ before: 5, minutes: 3 });
  });

  test('at the top of the scale, help is offered first', () => {
    render(<UrgeSurfing onUrgeRecorded={vi.fn()} helpHref={HELP} />);
    rate(4);
    expect(screen.queryByRole('link', { name: 'Get help now' })).toBeNull();
    rate(10);
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('href')).toBe(HELP);
  });

  test('unmounting mid-wave leaves no timer running', () => {
    const onUrgeRecorded = vi.fn();
    const { unmount } = render(<UrgeSurfing onUrgeRecorded={onUrgeRecorded} helpHref={HELP} />);
    rate(8);
    fireEvent.click(screen.getByRole('button', { name: '5 minutes' }));
    advance(30_000);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmountNow(unmount);
    expect(vi.getTimerCount()).toBe(0);
    advance(10 * 60_000);
    expect(onUrgeRecorded).not.toHaveBeenCalled();
  });
});

describe('Grounding', () => {
  test('goes through 5, 4, 3, 2, 1 one step at a time, back and forward', () => {
    render(<Grounding />);
    const live = screen.getByRole('status');
    expect(live.textContent).toContain('Step 1 of 5');
    expect(live.textContent).toContain('5 things you can see');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(live.textContent).toContain('4 things you can touch');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(live.textContent).toContain('5 things you can see');

    for (const step of GROUNDING_STEPS.slice(1)) {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      expect(live.textContent).toContain(t(step.titleKey));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(live.textContent).toMatch(/in this moment/);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start again' }));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('HaltCheck', () => {
  const setup = (people: SupportPerson[] = [SAM], extra: { onRest?: () => void } = {}) => {
    const onBreathe = vi.fn();
    render(<HaltCheck supportPeople={people} helpHref={HELP} onBreathe={onBreathe} planHref="plan.html#plan" {...extra} />);
    return { onBreathe };
  };

  test('lonely shows support people with one-click call, text and email, and help', () => {
    setup([SAM, { ...SAM, id: 'p2', name: 'Alex', phone: '+44 20 7946 0000', email: '' }, { ...SAM, id: 'p3', name: '  ' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    expect(screen.getByRole('heading', { name: 'Reach out to someone' })).toBeTruthy();

    expect(screen.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:07700900123');
    expect(screen.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toBe(
      `sms:07700900123?body=${encodeURIComponent("I'm having a hard moment. Can you call me?")}`,
    );
    expect(screen.getByRole('link', { name: 'Email Sam' }).getAttribute('href')).toMatch(/^mailto:sam@example\.org\?body=/);
    expect(screen.getByRole('link', { name: 'Call Alex' }).getAttribute('href')).toBe('tel:+442079460000');
    expect(screen.queryByRole('link', { name: 'Email Alex' })).toBeNull();
    expect(document.querySelectorAll('.reach-out-list li')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('href')).toBe(HELP);
  });

  test('lonely with nobody in the plan still offers help, and where to add someone', () => {
    setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    expect(screen.getByRole('link', { name: 'Get help now' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /add someone you trust/ }).getAttribute('href')).toBe('plan.html#plan');
    // One sentence with its link inside, as it reads.
    expect(screen.getByRole('link', { name: /add someone you trust/ }).closest('p')?.textContent).toBe(
      "You haven't added anyone to your plan yet, and that's all right. A helpline can listen right now. " +
        'When you feel up to it, add someone you trust to your plan.',
    );
  });

  test('angry routes to a breathing exercise', () => {
    const { onBreathe } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start a breathing exercise' }));
    expect(onBreathe).toHaveBeenCalledOnce();
  });

  test('hungry routes to eating something; another need can be checked after', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Hungry' }));
    expect(screen.getByRole('heading', { name: 'Eat something' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check another need' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Which fits best right now?' }));
  });

  test('tired routes to rest, with a close button only when the page can close', () => {
    const onRest = vi.fn();
    setup([SAM], { onRest });
    fireEvent.click(screen.getByRole('button', { name: 'Tired' }));
    expect(screen.getByRole('heading', { name: 'Rest' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close this page and rest' }));
    expect(onRest).toHaveBeenCalledOnce();
    cleanup();

    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tired' }));
    expect(screen.queryByRole('button', { name: 'Close this page and rest' })).toBeNull();
  });

  test('each need has a description', () => {
    setup();
    for (const name of ['Hungry', 'Angry', 'Lonely', 'Tired']) {
      const button = screen.getByRole('button', { name });
      const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      expect(hint?.textContent).not.toBe('');
    }
  });
});

describe('CopingTools', () => {
  const props = { supportPeople: [SAM], helpHref: HELP, onUrgeRecorded: vi.fn(), reducedMotion: true };

  test('offers every tool; choosing one opens it, and "Back to all tools" returns focus to it', () => {
    const onToolChange = vi.fn();
    render(<CopingTools {...props} onToolChange={onToolChange} />);
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Paced breathing', 'Surf the urge', '5-4-3-2-1 grounding', 'HALT check']);

    fireEvent.click(screen.getByRole('button', { name: '5-4-3-2-1 grounding' }));
    expect(onToolChange).toHaveBeenLastCalledWith('grounding');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: '5-4-3-2-1 grounding' }));
    expect(screen.getByText(/Step 1 of 5/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back to all tools' }));
    expect(onToolChange).toHaveBeenLastCalledWith(undefined);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '5-4-3-2-1 grounding' }));
  });

  test('opens a tool given up front, without moving focus', () => {
    render(<CopingTools {...props} initialTool="halt" />);
    expect(screen.getByRole('heading', { level: 2, name: 'HALT check' })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
  });

  test('HALT "angry" opens paced breathing', () => {
    render(<CopingTools {...props} initialTool="halt" />);
    fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start a breathing exercise' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Paced breathing' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start breathing' })).toBeTruthy();
  });

  test('going back to the list mid-exercise stops its timer', () => {
    render(<CopingTools {...props} initialTool="breathing" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing' }));
    advance(5000);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Back to all tools' }));
    expect(vi.getTimerCount()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Surf the urge' }));
    fireEvent.click(screen.getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('button', { name: '5 minutes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to all tools' }));
    expect(vi.getTimerCount()).toBe(0);
  });

  test('every control has an accessible name', () => {
    render(<CopingTools {...props} initialTool="urge-surfing" />);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    // Queried by a name of at least one non-space character, the way a screen reader would read it.
    for (const role of ['button', 'radio', 'link'] as const) {
      expect(screen.getAllByRole(role, { name: /\S/ })).toHaveLength(screen.getAllByRole(role).length);
    }
    expect(screen.getAllByRole('radio')).toHaveLength(11);
  });
});
