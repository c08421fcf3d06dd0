import { useEffect, useState } from 'preact/hooks';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { useProtection } from '../../components/use-protection';
import { TriggerList } from '../../components/TriggerList';
import { ImportListSection } from './ImportListSection';
import { t } from '../../lib/i18n/i18n';
import { pendingFor, pendingText, type PendingChange } from '../../lib/triggers/cooling-off';
import { addTrigger, cancelPending, removeTrigger, setTriggerMode } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { useTrustedNow } from '../../components/useTrustedNow';
import { usePartnerOn } from '../../components/usePartnerOn';

/** lib/triggers/edits.ts decides whether each change is at once or waits out the cooling-off. */
const remove = async (trigger: Trigger) => void (await removeTrigger(trigger.id));
const changeMode = async (trigger: Trigger, mode: TriggerMode) => void (await setTriggerMode(trigger.id, mode));

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
  const trustedNow = useTrustedNow();
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [pending, setPending] = useState<PendingChange[]>([]);
  useEffect(() => {
    void triggerListItem.getValue().then(setTriggers);
    void pendingItem.getValue().then(setPending);
    const unwatch = [triggerListItem.watch((next) => setTriggers(next ?? [])), pendingItem.watch((next) => setPending(next ?? []))];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  const partnerOn = usePartnerOn();
  const pendingOf = (trigger: Trigger) => {
    const change = pendingFor(pending, trigger.id);
    return (
      change && {
        text: pendingText(change, trustedNow()),
        onCancel: async () => void (await cancelPending(change.id)),
        ...(partnerOn ? { releaseHref: `#release-${change.id}` } : {}),
      }
    );
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
        onAdd={(text) => addTrigger(text, 'site')}
        onRemove={remove}
        onModeChange={changeMode}
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
        onAdd={(text) => addTrigger(text, 'keyword')}
        onRemove={remove}
        onModeChange={changeMode}
        pendingOf={pendingOf}
      />
    </>
  );
}
