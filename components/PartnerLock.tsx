import { useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import type { ReleaseResult, PartnerOutcome } from '../lib/partner/edits';
import { askLinks, shareCodeLinks } from '../lib/partner/message';
import { PARTNER_WAIT_DAYS, type Holder, type PartnerLock } from '../lib/partner/partner-lock';
import type { SupportPerson } from '../lib/plan/plan';
import { countOf } from '../lib/triggers/parse-list';
import { timeLeft, type PendingChange } from '../lib/triggers/cooling-off';

export interface PartnerLockProps {
  partner: PartnerLock | null;
  pending: readonly PendingChange[];
  people: readonly SupportPerson[];
  now: () => number;
  /** "3 wrong codes since 4 December 2026" and "The next code can be tried in 2 min", or ''. */
  wrongCodes: string;
  paused: string;
  onTurnOn: (days: number) => Promise<PartnerOutcome & { code?: string }>;
  onSetWait: (days: number) => Promise<PartnerOutcome>;
  onTurnOff: () => Promise<PartnerOutcome>;
  onReplace: () => Promise<PartnerOutcome & { code?: string }>;
  onHolder: (holder: Holder) => Promise<PartnerOutcome>;
  onRelease: (code: string, pendingId: string) => Promise<ReleaseResult>;
  onCancel: (pendingId: string) => Promise<void>;
}

type Said = { error?: string; message?: string };
const said = (outcome: PartnerOutcome | ReleaseResult): Said => ('error' in outcome ? { error: outcome.error } : { message: outcome.message });

/** An error (announced at once) and a calm status line, each hidden while empty. */
function Outcome({ id, value }: { id: string; value: Said }) {
  return (
    <>
      <p id={`${id}-error`} class="error" role="alert">
        {value.error ?? ''}
      </p>
      <p class="muted" role="status">
        {value.message ?? ''}
      </p>
    </>
  );
}

/** The code, shown this once, and one-click messages to hand it on (nothing is sent by Steadfast). */
function CodeOnce(props: {
  code: string;
  waitDays: number;
  people: readonly SupportPerson[];
  holder?: Holder;
  onHolder: PartnerLockProps['onHolder'];
  onDone: () => void;
}) {
  const [holder, setHolder] = useState<Holder>(props.holder ?? { name: '', phone: '', email: '' });
  const [outcome, setOutcome] = useState<Said>({});
  const links = shareCodeLinks(holder, props.code, props.waitDays);
  const pick = (id: string) => {
    const person = props.people.find((p) => p.id === id);
    setHolder(person ? { name: person.name, phone: person.phone, email: person.email } : { name: '', phone: '', email: '' });
  };
  const field = (key: keyof Holder, label: string, type: 'text' | 'tel' | 'email') => (
    <div class="sub-field">
      <label for={`partner-holder-${key}`}>{label}</label>
      <input
        id={`partner-holder-${key}`}
        type={type as 'text'}
        value={holder[key]}
        maxLength={200}
        onInput={(e) => setHolder({ ...holder, [key]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <div class="release-code-box" role="group" aria-labelledby="release-code-title">
      <h3 id="release-code-title">{t('partner_codeTitle')}</h3>
      <p>{t('partner_codeOnce')}</p>
      <p class="release-code" id="release-code">
        {props.code}
      </p>
      {props.people.length > 0 && (
        <div class="sub-field">
          <label for="partner-holder-pick">{t('partner_holderPick')}</label>
          <select id="partner-holder-pick" onChange={(e) => pick(e.currentTarget.value)}>
            <option value="">{t('partner_holderSomeoneElse')}</option>
            {props.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {field('name', t('partner_holderName'), 'text')}
      {field('phone', t('partner_holderPhone'), 'tel')}
      {field('email', t('partner_holderEmail'), 'email')}
      <div class="row">
        {links.text && (
          <a class="button" href={links.text}>
            {t('partner_sendText')}
          </a>
        )}
        {links.email && (
          <a class="button" href={links.email}>
            {t('partner_sendEmail')}
          </a>
        )}
        <button type="button" class="quiet" onClick={() => void props.onHolder(holder).then((o) => setOutcome(said(o)))}>
          {t('partner_holderSave')}
        </button>
      </div>
      <p class="hint">{t('partner_nothingSent')}</p>
      <Outcome id="partner-holder" value={outcome} />
      <button type="button" onClick={props.onDone}>
        {t('partner_codeDone')}
      </button>
    </div>
  );
}

/** Beside a waiting change: the release code lets it through now. */
function ReleaseForm({ change, onRelease }: { change: PendingChange; onRelease: PartnerLockProps['onRelease'] }) {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Said>({});
  const id = `release-${change.id}`;
  return (
    <form
      class="release-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await onRelease(code, change.id);
        setOutcome(said(result));
        if (result.ok) setCode('');
      }}
    >
      <label for={id}>{t('partner_enterCode')}</label>
      <div class="row">
        <input
          id={id}
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="characters"
          value={code}
          aria-invalid={outcome.error ? 'true' : 'false'}
          aria-describedby={`${id}-error`}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <button type="submit">{t('partner_useCode')}</button>
      </div>
      <Outcome id={id} value={outcome} />
    </form>
  );
}

function Waiting(props: PartnerLockProps & { partner: PartnerLock }) {
  const { partner } = props;
  return (
    <>
      <h3>{t('partner_waitingTitle')}</h3>
      {props.pending.length === 0 && <p>{t('partner_nothingWaiting')}</p>}
      <ul class="partner-waiting">
        {props.pending.map((change) => {
          const left = timeLeft(change.effectiveAt, props.now());
          const tell = partner.holder && askLinks(partner.holder, change.label, left);
          return (
            <li key={change.id}>
              <p>{t('settings_changeWaiting', [change.label, left])}</p>
              <ReleaseForm change={change} onRelease={props.onRelease} />
              {tell && (tell.text || tell.email) && (
                <p class="row">
                  {t('partner_tellOffer', [partner.holder!.name || t('partner_holderUnnamed')])} {tell.text && <a href={tell.text}>{t('partner_sendText')}</a>}
                  {tell.email && <a href={tell.email}>{t('partner_sendEmail')}</a>}
                </p>
              )}
              <button type="button" class="quiet" onClick={() => void props.onCancel(change.id)}>
                {t('settings_cancel')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function WaitDays(props: {
  id: string;
  initial: number;
  label: string;
  button: string;
  onSave: (days: number) => Promise<PartnerOutcome & { code?: string }>;
}) {
  const [days, setDays] = useState(String(props.initial));
  const [outcome, setOutcome] = useState<Said>({});
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setOutcome(said(await props.onSave(Number(days))));
      }}
    >
      <label for={props.id}>{props.label}</label>
      <div class="row">
        <input
          id={props.id}
          type="number"
          inputMode="numeric"
          min={PARTNER_WAIT_DAYS.min}
          max={PARTNER_WAIT_DAYS.max}
          value={days}
          aria-invalid={outcome.error ? 'true' : 'false'}
          aria-describedby={`${props.id}-error`}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
        <button type="submit">{props.button}</button>
      </div>
      <Outcome id={props.id} value={outcome} />
    </form>
  );
}

/** "Someone I trust holds the key": turn it on, the code once, the waiting changes and the code field beside each. */
export function PartnerLockPanel(props: PartnerLockProps) {
  const [code, setCode] = useState<string>();
  const [outcome, setOutcome] = useState<Said>({});
  const { partner } = props;
  const showCode = (result: PartnerOutcome & { code?: string }) => {
    if (result.code) setCode(result.code);
    return result;
  };
  return (
    <section id="partner" class="card" aria-labelledby="partner-title">
      <h2 id="partner-title">{t('partner_title')}</h2>
      <p>{t('partner_intro')}</p>
      <p class="hint">{t('partner_limits')}</p>
      {!partner && (
        <WaitDays
          id="partner-wait-days"
          initial={PARTNER_WAIT_DAYS.default}
          label={t('partner_waitLabel', [PARTNER_WAIT_DAYS.min, PARTNER_WAIT_DAYS.max])}
          button={t('partner_turnOn')}
          onSave={async (days) => showCode(await props.onTurnOn(days))}
        />
      )}
      {code && partner && (
        <CodeOnce
          code={code}
          waitDays={partner.waitDays}
          people={props.people}
          holder={partner.holder}
          onHolder={props.onHolder}
          onDone={() => setCode(undefined)}
        />
      )}
      {partner && (
        <>
          <p class="partner-status">{countOf('partner_isOn', partner.waitDays)}</p>
          {partner.holder?.name && <p>{t('partner_heldBy', [partner.holder.name])}</p>}
          {props.wrongCodes && <p>{props.wrongCodes}</p>}
          {props.paused && <p>{props.paused}</p>}
          <Waiting {...props} partner={partner} />
          <h3>{t('partner_changeTitle')}</h3>
          <WaitDays
            id="partner-wait-change"
            initial={partner.waitDays}
            label={t('partner_waitLabel', [PARTNER_WAIT_DAYS.min, PARTNER_WAIT_DAYS.max])}
            button={t('partner_waitSave')}
            onSave={props.onSetWait}
          />
          <div class="row">
            <button type="button" onClick={() => void props.onReplace().then((r) => setOutcome(said(showCode(r))))}>
              {t('partner_replace')}
            </button>
            <button type="button" class="quiet" onClick={() => void props.onTurnOff().then((r) => setOutcome(said(r)))}>
              {t('partner_turnOff')}
            </button>
          </div>
          <Outcome id="partner-change" value={outcome} />
        </>
      )}
    </section>
  );
}
