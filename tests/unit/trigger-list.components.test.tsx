// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { TriggerList } from '../../components/TriggerList';
import type { Trigger } from '../../lib/triggers/trigger';

afterEach(cleanup);

// A person who adds two sites quickly types the second while the first is still being saved.
// When the first save lands, the field must keep the second site, not empty itself.

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const trigger = (display: string) => ({ id: display, display }) as unknown as Trigger;

test('a site typed while the one before it is saved stays in the field', async () => {
  const firstSave = deferred<{ added: Trigger }>();
  const onAdd = vi.fn((text: string) => (text === 'forum.test' ? firstSave.promise : Promise.resolve({ added: trigger(text) })));
  render(
    <TriggerList
      id="sites"
      title="Trigger sites"
      intro=""
      label="Trigger site"
      placeholder=""
      addLabel="Add"
      emptyText="None yet"
      triggers={[]}
      onAdd={onAdd}
      onRemove={async () => {}}
      onModeChange={async () => {}}
    />,
  );
  const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Trigger site' });
  fireEvent.input(field, { target: { value: 'forum.test' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
  await waitFor(() => expect(onAdd).toHaveBeenCalledWith('forum.test'));

  fireEvent.input(field, { target: { value: 'copycat.test' } });
  firstSave.resolve({ added: trigger('forum.test') });
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('forum.test'));
  expect(field.value).toBe('copycat.test');

  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
  await waitFor(() => expect(onAdd).toHaveBeenLastCalledWith('copycat.test'));
  await waitFor(() => expect(field.value).toBe(''));
});
