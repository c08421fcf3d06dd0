/*
 * One valibot schema per stored shape. Import checks a backup with them; a future sync and the
 * storage migrations can check what they read with the same ones. valibot rather than hand-written
 * checks: each check is a small function and the rest is tree-shaken. Every valibot function used
 * here comes to about 10 KB minified, under 3 KB gzipped (measured with rolldown, Nov 2026), and
 * only the options page loads it; zod's core is several times that. https://valibot.dev/guides/comparison/
 *
 * `v.object` drops keys it does not know, so what is stored is only ever what these schemas name.
 *
 * Messages are functions (`say(key)`), so the words are looked up when a check fails, in the
 * person's language, and never while this module loads.
 */
import * as v from 'valibot';
import { dayFromText, yearStart } from '../time/days';
import { t, type MessageKey } from '../i18n/i18n';
import { isRegionCode, type RegionCode } from '../help/directory';
import { WAIT_SECONDS } from '../settings/settings-item';
import { COOLING_OFF_HOURS } from '../triggers/cooling-off';
import { MAX_KEYWORD_LENGTH } from '../triggers/keyword';
import { formatNumber } from '../triggers/parse-list';
import { SAFETY_LIMITS } from '../plan/safety-plan';
import { COST_BENEFIT_LIMITS } from '../plan/cost-benefit';
import { planV2FromV1, planV3FromV2 } from '../plan/plan';
import { HASH_ALGORITHM, MIN_ITERATIONS } from '../partner/code';
import { PARTNER_WAIT_DAYS } from '../partner/partner-lock';
import { URGE_ACTIONS, URGE_SET_OFFS, URGE_TEXT_MAX } from '../history/event';
import { PLAN_TARGETS } from '../review/review';

/** Per text field: far beyond any plan a person writes, small enough that nothing chokes. */
export const MAX_TEXT = 10_000;
const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

/** A valibot message read from the catalogue when the check fails. */
const say =
  (key: MessageKey, substitutions: () => readonly string[] = () => []) =>
  () =>
    t(key, substitutions());

const text = v.pipe(
  v.string(),
  v.maxLength(
    MAX_TEXT,
    say('backup_checkTextTooLong', () => [formatNumber(MAX_TEXT)]),
  ),
);
const id = v.pipe(v.string(), v.minLength(1, say('backup_checkIdEmpty')), v.maxLength(200, say('backup_checkIdTooLong')));

/** ms since the epoch, a real instant from 1900 to 2200 (NaN, Infinity and year 30,000 are not). */
export const isInstant = (n: number): boolean => Number.isFinite(n) && n >= MIN_TIME && n < MAX_TIME;
export const instantSchema = v.pipe(v.number(), v.check(isInstant, say('backup_checkDateOutOfRange')));

const [FIRST_DAY, END_DAY] = [yearStart(1900), yearStart(2200)];
/** `YYYY-MM-DD` naming a day that exists, from 1900 to 2199: 2025-02-29 and 2024-13-01 are refused. */
function isBackupDay(text: string): boolean {
  const day = dayFromText(text);
  return day !== undefined && day >= FIRST_DAY && day < END_DAY;
}
export const calendarDaySchema = v.pipe(v.string(), v.check(isBackupDay, say('backup_checkDayNotOnCalendar')));

/** What the blocking rules match on: lower-case ASCII labels. Anything else could make the browser refuse every rule. */
const HOST = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
export const hostSchema = v.pipe(v.string(), v.regex(HOST, say('backup_checkHostInvalid')));

/** Rejects a list in which two entries share an id (a backup someone edited by hand, or crafted). */
function uniqueIds<T extends { id: string }>(message: MessageKey) {
  return v.check((items: T[]) => new Set(items.map((i) => i.id)).size === items.length, say(message));
}

export const triggerSchema = v.pipe(
  v.object({
    id,
    kind: v.picklist(['site', 'path', 'keyword']),
    mode: v.picklist(['pause', 'block']),
    display: v.pipe(v.string(), v.maxLength(2048)),
    host: v.union([v.literal(''), hostSchema]),
    path: v.optional(v.pipe(v.string(), v.maxLength(2048), v.regex(/^\/[^\s?#]*$/, say('backup_checkPathInvalid')))),
    keyword: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_KEYWORD_LENGTH), v.regex(/^[^\s](?:.*[^\s])?$/u))),
    addedAt: instantSchema,
  }),
  v.check(
    (t) => (t.kind === 'keyword' ? t.keyword !== undefined : t.host !== '' && (t.kind === 'site' || t.path !== undefined)),
    say('backup_checkTriggerIncomplete'),
  ),
);
export const triggerListSchema = v.pipe(v.array(triggerSchema), v.maxLength(50_000), uniqueIds('backup_checkSameIdTriggers'));

export const blocklistSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  mode: v.picklist(['pause', 'block']),
  addedAt: instantSchema,
  domains: v.pipe(v.array(hostSchema), v.maxLength(500_000)),
});
export const blocklistsSchema = v.pipe(v.array(blocklistSchema), v.maxLength(100), uniqueIds('backup_checkSameIdLists'));

const ifThenStepSchema = v.object({ id, when: text, then: text });
const supportPersonSchema = v.object({ id, name: text, relationship: text, phone: text, email: text, willDo: text });
/** The plan as backup version 1 held it: the relapse prevention plan alone. */
export const planSchemaV1 = v.object({
  reasons: v.pipe(v.array(text), v.maxLength(1000)),
  highRiskSituations: text,
  earlyWarningSigns: text,
  ifThenSteps: v.pipe(v.array(ifThenStepSchema), v.maxLength(1000), uniqueIds('backup_checkSameIdSteps')),
  copingStrategies: v.pipe(v.array(text), v.maxLength(1000)),
  supportPeople: v.pipe(v.array(supportPersonSchema), v.maxLength(1000), uniqueIds('backup_checkSameIdPeople')),
  professionalContacts: text,
  afterASetback: text,
  dailyRoutine: text,
  reviewDate: v.union([v.literal(''), calendarDaySchema]),
});

/** Lines written one a line, within the limits their editor keeps (lib/plan/safety-plan.ts, lib/plan/cost-benefit.ts). */
const linesWithin = (limits: { lines: number; lineLength: number }) =>
  v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.maxLength(
          limits.lineLength,
          say('backup_checkSafetyLineTooLong', () => [formatNumber(limits.lineLength)]),
        ),
      ),
    ),
    v.maxLength(
      limits.lines,
      say('backup_checkSafetyTooManyLines', () => [formatNumber(limits.lines)]),
    ),
  );
/** A safety plan step. */
const safetyLines = linesWithin(SAFETY_LIMITS);
const safetyPicks = v.pipe(
  v.array(id),
  v.maxLength(
    SAFETY_LIMITS.picks,
    say('backup_checkSafetyTooManyLines', () => [formatNumber(SAFETY_LIMITS.picks)]),
  ),
);
export const safetyPlanEntries = {
  safetyWarningSigns: safetyLines,
  safetyOnMyOwn: safetyLines,
  safetyDistractions: safetyLines,
  safetyHelpers: safetyPicks,
  safetyServices: safetyPicks,
  safetySurroundings: safetyLines,
  reasonsForLiving: safetyLines,
};

/** A box of the cost-benefit analysis. */
const costBenefitLines = linesWithin(COST_BENEFIT_LIMITS);
export const costBenefitEntries = {
  cbaUsingGives: costBenefitLines,
  cbaUsingCosts: costBenefitLines,
  cbaNotUsingGives: costBenefitLines,
  cbaNotUsingCosts: costBenefitLines,
};
const none = (): string[] => [];

/**
 * The plan from backup version 2 on: the relapse prevention plan and the safety plan's steps; from
 * version 4 it may carry the cost-benefit analysis's four boxes (a file without them reads with
 * them empty, so a version 2 or 3 file's plan is read by the same schema).
 */
export const planSchema = v.object({
  ...planSchemaV1.entries,
  ...safetyPlanEntries,
  ...Object.fromEntries(Object.entries(costBenefitEntries).map(([key, inner]) => [key, v.optional(inner, none)])),
} as typeof planSchemaV1.entries &
  typeof safetyPlanEntries & { [K in keyof typeof costBenefitEntries]: v.OptionalSchema<typeof costBenefitLines, typeof none> });

const wholeBetween = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
export const settingsSchema = v.object({
  waitSeconds: wholeBetween(WAIT_SECONDS.min, WAIT_SECONDS.max),
  coolingOffHours: wholeBetween(COOLING_OFF_HOURS.min, COOLING_OFF_HOURS.max),
});

export const streakStartSchema = v.object({ startedOn: calendarDaySchema, substance: v.optional(v.pipe(v.string(), v.maxLength(200))) });

export const helpRegionSchema = v.custom<RegionCode>(isRegionCode, say('backup_checkRegionUnknown'));

const myServiceSchema = v.object({ id, name: text, phone: text, sms: text, url: text, note: text });
export const myServicesSchema = v.pipe(v.array(myServiceSchema), v.maxLength(1000), uniqueIds('backup_checkSameIdServices'));

const zone = v.pipe(v.string(), v.maxLength(100));
const rating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));
const optionalText = v.optional(text);
const urgeText = v.pipe(
  v.string(),
  v.maxLength(
    URGE_TEXT_MAX,
    say('backup_checkTextTooLong', () => [formatNumber(URGE_TEXT_MAX)]),
  ),
);
const eventBase = { id, at: instantSchema, tz: zone };
export const eventSchema = v.variant('type', [
  v.object({
    ...eventBase,
    type: v.literal('checkin'),
    mood: v.picklist([1, 2, 3, 4, 5]),
    craving: rating,
    halt: v.object({ hungry: v.boolean(), angry: v.boolean(), lonely: v.boolean(), tired: v.boolean() }),
    note: optionalText,
  }),
  v.object({
    ...eventBase,
    type: v.literal('setback'),
    whatHappened: optionalText,
    whatIFelt: optionalText,
    warningSignMissed: optionalText,
    whatIllChange: optionalText,
    whatHelpedBefore: optionalText,
    followUp: v.optional(v.picklist(['open', 'done'])),
  }),
  v.object({
    ...eventBase,
    type: v.literal('intervention'),
    site: v.pipe(v.string(), v.maxLength(2048)),
    outcome: v.picklist(['shown', 'left', 'continued', 'closed']),
  }),
  v.object({
    ...eventBase,
    type: v.literal('urge'),
    before: rating,
    after: v.optional(rating),
    minutes: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1440))),
    setOffBy: v.optional(
      v.pipe(
        v.array(v.picklist(URGE_SET_OFFS)),
        v.check((kinds) => new Set(kinds).size === kinds.length, say('backup_checkUrgeSetOffTwice')),
      ),
    ),
    setOffOwn: v.optional(urgeText),
    action: v.optional(v.picklist(URGE_ACTIONS)),
    ownAction: v.optional(urgeText),
  }),
  v.object({
    ...eventBase,
    type: v.literal('milestone'),
    days: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200_000)),
    reachedOn: calendarDaySchema,
    celebrated: v.boolean(),
  }),
]);
export const eventsSchema = v.pipe(v.array(eventSchema), v.maxLength(2_000_000), uniqueIds('backup_checkSameIdEvents'));

/** A weekly review (lib/review/review.ts): the person's three answers and where the change went in the plan. */
export const reviewSchema = v.object({
  id,
  at: instantSchema,
  tz: zone,
  weekEnding: calendarDaySchema,
  wentWell: text,
  wasHard: text,
  planChange: text,
  appliedTo: v.optional(v.picklist(PLAN_TARGETS)),
});
/** Weekly for two thousand years: no real history comes near it. */
export const reviewsSchema = v.pipe(v.array(reviewSchema), v.maxLength(100_000), uniqueIds('backup_checkSameIdReviews'));

/**
 * The partner lock's key (lib/partner/), in a backup only when the person ticked the box: the
 * salted hash and its parameters, never the code. Fewer than 600,000 iterations is refused.
 */
const base64 = (bytes: number) => v.pipe(v.string(), v.length(Math.ceil(bytes / 3) * 4), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));
export const codeHashSchema = v.object({
  algorithm: v.literal(HASH_ALGORITHM),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(MIN_ITERATIONS), v.maxValue(100_000_000)),
  salt: base64(16),
  hash: base64(32),
});
export const partnerKeySchema = v.object({ key: codeHashSchema, waitDays: wholeBetween(PARTNER_WAIT_DAYS.min, PARTNER_WAIT_DAYS.max) });

export const BACKUP_FORMAT = 'steadfast-backup';
/**
 * Version 2 adds the safety plan's steps to `data.plan`; version 3 may carry the partner lock's
 * key (`data.partnerLock`); version 4 may carry what staying vigilant keeps (weekly reviews, the
 * cost-benefit boxes, what set an urge off and what helped). Older files are read and brought up
 * to it (`backupV2FromV1`, `backupV3FromV2`, `backupV4FromV3`). A Steadfast that only knows an
 * older version refuses a newer file rather than dropping what it cannot read.
 */
export const BACKUP_VERSION = 4;

const exportedAt = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => isInstant(Date.parse(s)), say('backup_checkExportDateImpossible')),
);
const dataEntries = {
  triggers: triggerListSchema,
  blocklists: v.optional(blocklistsSchema, []),
  plan: planSchema,
  settings: settingsSchema,
  streak: v.nullable(streakStartSchema),
  helpRegion: v.nullable(helpRegionSchema),
  myServices: myServicesSchema,
  events: eventsSchema,
};

const dataEntriesV3 = { ...dataEntries, partnerLock: v.optional(v.nullable(partnerKeySchema)) };

export const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt,
  // A file without reviews (a version 3 file brought up to this one) has none.
  data: v.object({ ...dataEntriesV3, reviews: v.optional(reviewsSchema, []) }),
});

/** A backup written before staying vigilant: the same entries as version 4 without its new ones. */
export const backupSchemaV3 = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(3),
  exportedAt,
  data: v.object(dataEntriesV3),
});

/** A backup written before the partner lock: everything the same, and no key in it. */
export const backupSchemaV2 = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(2),
  exportedAt,
  data: v.object(dataEntries),
});

/** A backup written by a Steadfast before the safety plan: everything the same but the plan. */
export const backupSchemaV1 = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt,
  data: v.object({ ...dataEntries, plan: planSchemaV1 }),
});

export type Backup = v.InferOutput<typeof backupSchema>;
export type BackupV1 = v.InferOutput<typeof backupSchemaV1>;
export type BackupV2 = v.InferOutput<typeof backupSchemaV2>;
export type BackupV3 = v.InferOutput<typeof backupSchemaV3>;
export type BackupData = Backup['data'];

/** Version 1 → 2: the plan gains the safety plan's steps (and the four boxes), empty; nothing else changes. */
export function backupV2FromV1(v1: BackupV1): BackupV2 {
  return { ...v1, version: 2, data: { ...v1.data, plan: planV3FromV2(planV2FromV1(v1.data.plan)) } };
}

/** Version 2 → 3: no partner lock's key; nothing else changes. */
export function backupV3FromV2(v2: BackupV2): BackupV3 {
  return { ...v2, version: 3, data: { ...v2.data, partnerLock: null } };
}

/** Version 3 → 4: nothing of staying vigilant yet; everything else as it was. */
export function backupV4FromV3(v3: BackupV3): Backup {
  return { ...v3, version: BACKUP_VERSION, data: { ...v3.data, reviews: [] } };
}
