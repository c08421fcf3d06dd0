// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CheckIn } from '../../components/CheckIn';
import { CrisisLines } from '../../components/CrisisLines';
import { HelpDirectory } from '../../components/HelpDirectory';
import { MyServices } from '../../components/MyServices';
import { UrgeSurfing } from '../../components/exercises/UrgeSurfing';
import { crisisCardFor } from '../../lib/help/crisis-lines';
import { CRISIS_RATING } from '../../lib/help/crisis-threshold';
import { helpSectionsFor } from '../../lib/help/directory';
import { withService, type MyService, type MyServiceInput } from '../../lib/help/my-services';

const HELP = 'chrome-extension://id/help.html';

afterEach(cleanup);

describe('HelpDirectory', () => {
  test('sections come in order, with source, confidence and hours advice', () => {
    render(<HelpDirectory sections={helpSectionsFor('GB')} reviewed="25 November 2026" />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Emergency and urgent help',
      'Drug and alcohol services',
      'Someone to talk to',
      'More places to look',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 })[0]!.textContent).toBe('Emergency services (999)');
    expect(screen.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(screen.getByRole('link', { name: 'Text 85258' }).getAttribute('href')).toBe('sms:85258?body=SHOUT');

    const na = screen.getByRole('heading', { name: 'Narcotics Anonymous UK' }).closest('li')!;
    expect(na.textContent).toContain('Please check current hours on their site.');
    expect(na.textContent).toContain('Found only on independent pages that agree');
    const samaritans = screen.getByRole('heading', { name: 'Samaritans' }).closest('li')!;
    expect(samaritans.textContent).toContain("Found on the provider's own or a government page.");
    expect(samaritans.textContent).not.toContain('check current hours');
    const source = within(samaritans).getByRole('link', { name: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/' });
    expect(source.getAttribute('rel')).toBe('noreferrer');
    expect(screen.getByText(/Numbers compiled on 25 November 2026/)).toBeTruthy();
  });

  test('a secondary entry with no site is told to check hours when they get through', () => {
    render(<HelpDirectory sections={helpSectionsFor('CA')} reviewed="25 November 2026" />);
    const nors = screen.getByRole('heading', { name: /NORS/ }).closest('li')!;
    expect(nors.textContent).toContain('check current hours when you get through');
  });
});

describe('CrisisLines', () => {
  test('names the place, then shows its emergency number and crisis lines with call and text buttons', () => {
    render(<CrisisLines card={crisisCardFor('US')} onRegion={vi.fn()} helpHref={HELP} />);
    expect(screen.getByText('Help in the United States')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');
    expect(screen.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(screen.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('href')).toBe(HELP);
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('target')).toBeNull();
  });

  test('"change" lets the person choose another place, Northern Ireland among them', () => {
    const onRegion = vi.fn();
    render(<CrisisLines card={crisisCardFor('GB')} onRegion={onRegion} helpHref={HELP} />);
    expect(screen.getByText('Help in the United Kingdom')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'change where you are, for helplines' }));
    fireEvent.change(screen.getByLabelText('Where you are'), { target: { value: 'GB-NIR' } });
    expect(onRegion).toHaveBeenCalledWith('GB-NIR');
  });

  test('where the place is not known it asks, and says to call the local emergency number meanwhile', () => {
    const onRegion = vi.fn();
    render(<CrisisLines card={crisisCardFor(undefined)} onRegion={onRegion} helpHref={HELP} newTab />);
    expect(screen.getByText(/Steadfast asks rather than guessing/)).toBeTruthy();
    expect(screen.queryByText(/^Help in /)).toBeNull();
    expect(screen.getByText(/local emergency number/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Visit their site/ }).getAttribute('href')).toBe('https://findahelpline.com/');
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('target')).toBe('_blank');
    fireEvent.change(screen.getByLabelText('Where you are'), { target: { value: 'IE' } });
    expect(onRegion).toHaveBeenCalledWith('IE');
  });

  test('"somewhere else" gives Find A Helpline and the local emergency number, no made-up number', () => {
    render(<CrisisLines card={crisisCardFor('INTL')} onRegion={vi.fn()} helpHref={HELP} />);
    expect(screen.getByText('Help in any country')).toBeTruthy();
    expect(screen.queryAllByRole('link', { name: /^Call / })).toEqual([]);
    expect(screen.getByRole('link', { name: /Visit their site/ }).getAttribute('href')).toBe('https://findahelpline.com/');
  });
});

describe('CheckIn', () => {
  test('the urge slider says its value in its label and to screen readers', () => {
    render(<CheckIn onSave={vi.fn(async () => {})} helpHref={HELP} />);
    fireEvent.input(screen.getByRole('slider'), { target: { value: '6' } });
    const slider = screen.getByRole('slider');
    expect(document.querySelector('label[for="craving"]')!.textContent).toBe('Urge right now: 6 of 10');
    expect(slider.getAttribute('aria-valuetext')).toBe('6 of 10');
  });

  test('asks for a mood before saving, and saves nothing without one', async () => {
    const onSave = vi.fn(async () => {});
    render(<CheckIn onSave={onSave} helpHref={HELP} />);
    fireEvent.click(screen.getByLabelText('Tired'));
    fireEvent.submit(screen.getByRole('button', { name: 'Save check-in' }).closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('Choose how you feel first.');
    expect(onSave).not.toHaveBeenCalled();
  });

  test('before the crisis lines have loaded, a hard check-in links to help inside its sentence', async () => {
    render(<CheckIn onSave={vi.fn(async () => {})} helpHref={HELP} />);
    fireEvent.click(screen.getByLabelText('Very low'));
    const link = await screen.findByRole('link', { name: 'talk to someone now' });
    expect(link.getAttribute('href')).toBe(HELP);
    expect(link.parentElement!.textContent).toBe("That sounds like a hard moment. You don't have to ride it out alone: talk to someone now.");
  });
});

describe('CheckIn at the crisis threshold', () => {
  const setUrge = (value: number) => fireEvent.input(screen.getByRole('slider'), { target: { value: String(value) } });
  const submit = () => fireEvent.submit(screen.getByRole('button', { name: 'Save check-in' }).closest('form')!);

  test(`offers the crisis lines as soon as the urge reaches ${CRISIS_RATING}, before anything is saved`, () => {
    const onSave = vi.fn(async () => {});
    render(<CheckIn onSave={onSave} helpHref={HELP} crisis={crisisCardFor('GB')} />);
    setUrge(CRISIS_RATING - 1);
    expect(screen.queryByRole('link', { name: 'Call 999' })).toBeNull();
    setUrge(CRISIS_RATING);
    expect(screen.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(screen.getByRole('link', { name: 'Call 116 123' }).getAttribute('href')).toBe('tel:116123');
    // Before the save button: the lines come first.
    const call = screen.getByRole('link', { name: 'Call 999' });
    expect(call.compareDocumentPosition(screen.getByRole('button', { name: 'Save check-in' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  test('the lines stay first once saved, above the thanks', async () => {
    render(<CheckIn onSave={vi.fn(async () => {})} helpHref={HELP} crisis={crisisCardFor('GB')} />);
    fireEvent.click(screen.getByLabelText('Okay'));
    setUrge(10);
    submit();
    const thanks = await screen.findByText(/Thank you for checking in/);
    expect(screen.getByRole('link', { name: 'Call 999' }).compareDocumentPosition(thanks) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('the lines stay when saving fails, and no thanks is given', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('IndexedDB is broken');
    });
    render(<CheckIn onSave={onSave} helpHref={HELP} crisis={crisisCardFor('GB')} />);
    fireEvent.click(screen.getByLabelText('Okay'));
    setUrge(CRISIS_RATING);
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('That could not be saved just now. Please try again.');
    expect(onSave).toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Call 999' })).toBeTruthy();
    expect(screen.queryByText(/Thank you for checking in/)).toBeNull();
  });

  test('and not on an ordinary day', async () => {
    render(<CheckIn onSave={vi.fn(async () => {})} helpHref={HELP} crisis={crisisCardFor('GB')} />);
    fireEvent.click(screen.getByLabelText('Good'));
    setUrge(4);
    submit();
    await screen.findByText(/Thank you for checking in/);
    expect(screen.queryByRole('link', { name: 'Call 999' })).toBeNull();
  });
});

describe('UrgeSurfing at the crisis threshold', () => {
  test("offers the region's crisis lines beside the exercise, which carries on", () => {
    render(<UrgeSurfing onUrgeRecorded={vi.fn()} helpHref={HELP} crisis={crisisCardFor('AU')} />);
    fireEvent.click(screen.getByRole('radio', { name: String(CRISIS_RATING - 1) }));
    expect(screen.queryByRole('link', { name: 'Call 000' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: String(CRISIS_RATING) }));
    expect(screen.getByText('Help in Australia')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 000' }).getAttribute('href')).toBe('tel:000');
    expect(screen.getByRole('link', { name: 'Text 0477 13 11 14' }).getAttribute('href')).toBe('sms:0477131114');
    expect(screen.getByRole('button', { name: '20 minutes' })).toBeTruthy();
  });

  test('the lines stay through the wave and after the result is handed on to be saved (saved or not)', () => {
    const onUrgeRecorded = vi.fn();
    render(<UrgeSurfing onUrgeRecorded={onUrgeRecorded} helpHref={HELP} crisis={crisisCardFor('AU')} />);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    fireEvent.click(screen.getByRole('button', { name: '5 minutes' }));
    expect(screen.getByRole('link', { name: 'Call 000' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop here' }));
    expect(onUrgeRecorded).toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'You gave the urge time' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 000' })).toBeTruthy();
  });
});

describe('MyServices', () => {
  function renderMyServices({ initial = [] as MyService[], onSave = vi.fn() }) {
    let list = initial;
    const save = async (input: MyServiceInput, id?: string) => {
      onSave(input, id);
      const result = withService(list, input, id, () => `id-${list.length + 1}`);
      if (!result.ok) return { field: result.field, message: result.message };
      list = result.list;
      view.rerender(<MyServices services={list} onSave={save} onRemove={remove} />);
      return undefined;
    };
    const remove = async (id: string) => {
      list = list.filter((s) => s.id !== id);
      view.rerender(<MyServices services={list} onSave={save} onRemove={remove} />);
    };
    const view = render(<MyServices services={list} onSave={save} onRemove={remove} />);
    return {
      get list() {
        return list;
      },
    };
  }

  function fill(label: RegExp | string, value: string) {
    fireEvent.input(screen.getByLabelText(label), { target: { value } });
  }

  test('adds a service that is then one click from a call', async () => {
    const state = renderMyServices({});
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    fill('Name', 'Riverside clinic');
    fill('Phone', '0161 496 0000');
    fill('Website (optional)', 'clinic.example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Add this service' }));
    await screen.findByRole('heading', { name: 'Riverside clinic' });
    expect(screen.getByRole('link', { name: 'Call 0161 496 0000' }).getAttribute('href')).toBe('tel:01614960000');
    expect(screen.getByRole('status').textContent).toBe('Saved Riverside clinic.');
    expect(screen.getByRole('link', { name: /^Visit their site \(Riverside clinic\)$/ }).getAttribute('href')).toBe('https://clinic.example.org/');
    expect(state.list).toHaveLength(1);
  });

  test.each([
    ['Name', '', 'Give it a name'],
    ['Phone', 'ring me', 'Add a phone number with its digits'],
    ['Website (optional)', 'javascript:alert(1)', 'Only web addresses'],
  ])('bad %s gets a clear message and changes nothing', async (label, value, message) => {
    const initial: MyService[] = [{ id: 's1', name: 'Sponsor', phone: '07700 900456', sms: '', url: '', note: '' }];
    const state = renderMyServices({ initial });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Sponsor' }));
    fill(label, value);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
    expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
    expect(state.list).toEqual(initial);
    expect(screen.getByRole('link', { name: 'Call 07700 900456' }).getAttribute('href')).toBe('tel:07700900456');
  });

  test('edits and removes', async () => {
    const state = renderMyServices({ initial: [{ id: 's1', name: 'Sponsor', phone: '07700 900456', sms: '', url: '', note: '' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Sponsor' }));
    expect((screen.getByLabelText('Phone') as HTMLInputElement).value).toBe('07700 900456');
    fill('Note (optional)', 'Any time after 7am');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Any time after 7am');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sponsor' }));
    await screen.findByText('Removed Sponsor.');
    expect(state.list).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Sponsor' })).toBeNull();
  });
});
