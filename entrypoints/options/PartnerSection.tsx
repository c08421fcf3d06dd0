import { useEffect, useState } from 'preact/hooks';
import { PartnerLockPanel } from '../../components/PartnerLock';
import { useTrustedNow } from '../../components/useTrustedNow';
import {
  askToTurnOffPartnerLock,
  pausedText,
  releaseWithCode,
  replacePartnerCode,
  savePartnerHolder,
  setPartnerWait,
  turnOnPartnerLock,
  wrongCodesText,
} from '../../lib/partner/edits';
import { loadPartnerLock, partnerLockItem, type PartnerLock } from '../../lib/partner/partner-lock';
import type { SupportPerson } from '../../lib/plan/plan';
import { loadPlan, watchPlan } from '../../lib/plan/plan-item';
import type { PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';

/** The partner lock (lib/partner/): lib decides every change; this only wires it to the page. */
export function PartnerSection() {
  const now = useTrustedNow();
  const [partner, setPartner] = useState<PartnerLock | null>();
  const [pending, setPending] = useState<PendingChange[]>([]);
  const [people, setPeople] = useState<SupportPerson[]>([]);
  useEffect(() => {
    const reload = () => void loadPartnerLock().then(setPartner);
    reload();
    void pendingItem.getValue().then(setPending);
    void loadPlan().then((plan) => setPeople(plan.supportPeople));
    const unwatch = [partnerLockItem.watch(reload), pendingItem.watch((next) => setPending(next ?? [])), watchPlan((plan) => setPeople(plan.supportPeople))];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  if (partner === undefined) return null;
  return (
    <PartnerLockPanel
      partner={partner}
      pending={pending}
      people={people}
      now={now}
      wrongCodes={wrongCodesText(partner)}
      paused={pausedText(partner, now())}
      onTurnOn={(days) => turnOnPartnerLock(days)}
      onSetWait={(days) => setPartnerWait(days)}
      onTurnOff={() => askToTurnOffPartnerLock()}
      onReplace={() => replacePartnerCode()}
      onHolder={(holder) => savePartnerHolder(holder)}
      onRelease={(code, id) => releaseWithCode(code, [id])}
      onCancel={async (id) => void (await cancelPending(id))}
    />
  );
}
