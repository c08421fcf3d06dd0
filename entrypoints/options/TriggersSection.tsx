import { useEffect, useState } from 'preact/hooks';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { useProtection } from '../../components/use-protection';
import { TriggerList } from '../../components/TriggerList';
import { ImportListSection } from './ImportListSection';
import { t } from '../../lib/i18n/i18n';
import { changeLabel, isFreshAddition, pendingFor, pendingText, type LooseningChange, type PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending, requestLoosening } from '../../lib/triggers/cooling-off-store';
import { parseKeyword } from '../../lib/triggers/parse-keyword';
import { pendingItem } from '../../lib/triggers/pending-item';
import { parseTrigger, type ParseTriggerResult } from '../../lib/triggers/parse-trigger';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

/** Reads the list afresh for every change: another window may have changed it since this one drew. */
async function addWith(parse: (existing: readonly Trigger[]) => ParseTriggerResult) {
  const current = await triggerListItem.getValue();
  const parsed = parse(current);
  if (!parsed.ok) return { error: parsed.message };
  await triggerListItem.setValue([...current, parsed.trigger]);
  return { added: parsed.trigger };
}

async function removeTrigger(trigger: Trigger): Promise<void> {
  if (isFreshAddition(trigger, Date.now())) {
    const current = await triggerListItem.getValue();
    await triggerListItem.setValue(current.filter((t) => t.id !== trigger.id));
    return;
  }
  const change: LooseningChange = { kind: 'remove-trigger', triggerId: trigger.id };
  await requestLoosening(change, changeLabel(change, trigger.display));
}

async function setMode(trigger: Trigger, mode: TriggerMode): Promise<void> {
  if (mode === 'pause' && trigger.mode === 'block' && !isFreshAddition(trigger, Date.now())) {
    const change: LooseningChange = { kind: 'pause-mode', triggerId: trigger.id };
    await requestLoosening(change, changeLabel(change, trigger.display));
    return;
  }
  // Tightening (or a fresh trigger) is immediate, and ends any wait to loosen the same trigger.
  const current = await triggerListItem.getValue();
  await triggerListItem.setValue(current.map((t) => (t.id === trigger.id ? { ...t, mode } : t)));
  const pending = pendingFor(await pendingItem.getValue(), trigger.id);
  if (pending?.kind === 'pause-mode') await cancelPending(pending.id);
}

/** RFC 2606's example domain: the same in every language, so not in the catalogue. */
const EXAMPLE_SITE = 'example.com';

/** Where a link sits in a sentence from the catalogue: a character no message holds. */
const LINK = '\u2063';

/** A whole sentence from the catalogue with a link where its `$LINK$` placeholder was. */
function WithLink({ text, href, link }: { text: string; href: string; link: string }) {
  const [before = '', after = ''] = text.split(LINK);
  return (
    <>
      {before}
      <a href={href}>{link}</a>
      {after}
    </>
  );
}

/** Trigger sites and trigger words, kept in step with storage (and so with the browser's rules). */
export function TriggersSection() {
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [pending, setPending] = useState<PendingChange[]>([]);
  useEffect(() => {
    void triggerListItem.getValue().then(setTriggers);
    void pendingItem.getValue().then(setPending);
    const unwatch = [triggerListItem.watch((next) => setTriggers(next ?? [])), pendingItem.watch((next) => setPending(next ?? []))];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  const pendingOf = (trigger: Trigger) => {
    const change = pendingFor(pending, trigger.id);
    return change && { text: pendingText(change, Date.now()), onCancel: () => cancelPending(change.id) };
  };
  const waiting = pending.length > 0;
  const protection = useProtection();

  return (
    <>
      {/* Triggers (or their copies) the browser's rules could not hold, by name (issue 15, item 5). */}
      <ProtectionNotice
        problems={protection.problems.filter((problem) => problem.kind === 'not-in-force' || problem.kind === 'copies')}
        family={protection.family}
        heading={t('protection_heading')}
      />
      <TriggerList
        id="triggers"
        title={t('triggers_sitesTitle')}
        intro={t('triggers_sitesIntro')}
        label={t('triggers_siteLabel')}
        placeholder={EXAMPLE_SITE}
        addLabel={t('triggers_siteAdd')}
        emptyText={t('triggers_sitesNone')}
        triggers={triggers.filter((t) => t.kind !== 'keyword')}
        onAdd={(text) => addWith((existing) => parseTrigger(text, existing))}
        onRemove={removeTrigger}
        onModeChange={setMode}
        pendingOf={pendingOf}
      />
      {waiting && (
        <p class="card cooling-off-note" role="status">
          <WithLink text={t('coolingOff_note', [LINK])} href="#support" link={t('coolingOff_noteLink')} />
        </p>
      )}
      <ImportListSection />
      <TriggerList
        id="keywords"
        title={t('triggers_wordsTitle')}
        intro={t('triggers_wordsIntro')}
        label={t('triggers_wordsLabel')}
        placeholder={t('triggers_wordsPlaceholder')}
        addLabel={t('triggers_wordsAdd')}
        emptyText={t('triggers_wordsNone')}
        triggers={triggers.filter((t) => t.kind === 'keyword')}
        onAdd={(text) => addWith((existing) => parseKeyword(text, existing))}
        onRemove={removeTrigger}
        onModeChange={setMode}
        pendingOf={pendingOf}
      />
    </>
  );
}
