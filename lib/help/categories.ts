import { t, type MessageKey } from '../i18n/i18n';

/**
 * What each directory entry is for, so the help page can put emergency numbers first, then drug
 * services, then emotional support (issue 4). The directory itself has no category: this is a
 * reviewed reading of each entry's description. A unit test fails when an entry has no category
 * here, so a new entry can't slip in unordered.
 */
export type HelpCategory = 'emergency' | 'drugs' | 'emotional' | 'other';

/** The order of the help page's sections. */
export const HELP_CATEGORIES: readonly HelpCategory[] = ['emergency', 'drugs', 'emotional', 'other'];

/** A heading for each section, in words a person in a hard moment reads at a glance. */
const TITLES: Record<HelpCategory, MessageKey> = {
  emergency: 'help_categoryEmergency',
  drugs: 'help_categoryDrugs',
  emotional: 'help_categoryEmotional',
  other: 'help_categoryOther',
};

export function helpCategoryTitle(category: HelpCategory): string {
  return t(TITLES[category]);
}

export const SERVICE_CATEGORIES: Readonly<Record<string, HelpCategory>> = {
  'uk-emergency-999': 'emergency',
  // Not 999, but the urgent line: in England a mental health crisis goes through its mental health option.
  'uk-nhs-111': 'emergency',
  'uk-frank': 'drugs',
  'uk-frank-ketamine': 'drugs',
  'uk-samaritans': 'emotional',
  'uk-shout': 'emotional',
  'uk-ni-lifeline': 'emotional',
  'uk-mind-infoline': 'emotional',
  'uk-narcotics-anonymous': 'drugs',
  'uk-smart-recovery': 'drugs',
  'ie-emergency-112-999': 'emergency',
  'ie-samaritans': 'emotional',
  'ie-50808': 'emotional',
  'ie-hse-drugs-alcohol-helpline': 'drugs',
  'us-emergency-911': 'emergency',
  // Answers substance use crises too, but it is a crisis line first.
  'us-988': 'emotional',
  'us-samhsa-helpline': 'drugs',
  'us-findtreatment': 'drugs',
  'intl-na-meeting-search': 'drugs',
  'us-smart-recovery': 'drugs',
  'ca-emergency-911': 'emergency',
  'ca-988': 'emotional',
  // Harm reduction for people using alone: a drug service, though it calls 911 when needed.
  'ca-nors': 'drugs',
  'ca-health-canada-substance-use': 'drugs',
  'au-emergency-000': 'emergency',
  'au-naod-hotline': 'drugs',
  'au-lifeline': 'emotional',
  'nz-emergency-111': 'emergency',
  'nz-alcohol-drug-helpline': 'drugs',
  'nz-1737': 'emotional',
  'intl-findahelpline': 'other',
};

/** An entry's category; `other` (last) for one not reviewed yet. */
export function categoryOf(id: string): HelpCategory {
  return SERVICE_CATEGORIES[id] ?? 'other';
}
