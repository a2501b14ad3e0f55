/**
 * A plan's written content is several Yjs documents, one per section, named
 * `plan:<planId>:<section>`. There is exactly one name for each document: ids are lower-case
 * UUIDs, and anything else — upper case, another prefix, an unknown section — is not a
 * document at all. A second spelling of the same section would be a second ("shadow")
 * document that nobody else sees, while the projection overwrote the rows from it.
 */
export const FIXED_SECTIONS = ['person', 'child', 'shared', 'others'] as const;
export type FixedSection = (typeof FIXED_SECTIONS)[number];
/** One actions section per responsible principal: `actions:<organisationId>`. */
export type ActionsSection = `actions:${string}`;
export type SectionName = FixedSection | ActionsSection;
export type SectionKindId = FixedSection | 'actions';

/** A UUID in its canonical, lower-case form. */
const CANONICAL_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECTION_PATTERN = new RegExp(`^(?:person|child|shared|others|actions:${CANONICAL_UUID})$`);
const DOCUMENT_PATTERN = new RegExp(`^plan:(${CANONICAL_UUID}):(.+)$`);

/** The section for a canonical section name, or null. */
export function parseSectionName(value: string): SectionName | null {
  return SECTION_PATTERN.test(value) ? (value as SectionName) : null;
}

/** Plan and section for a canonical document name, or null for anything else. */
export function parseDocumentName(name: string): { planId: string; section: SectionName } | null {
  const m = DOCUMENT_PATTERN.exec(name);
  if (!m) return null;
  const section = parseSectionName(m[2]!);
  return section ? { planId: m[1]!, section } : null;
}

export function documentName(planId: string, section: SectionName): string {
  return `plan:${planId}:${section}`;
}

export const sectionKindOf = (section: SectionName): SectionKindId =>
  section.startsWith('actions:') ? 'actions' : (section as FixedSection);

export const actionsOrganisationId = (section: SectionName): string | null =>
  section.startsWith('actions:') ? section.slice('actions:'.length) : null;
