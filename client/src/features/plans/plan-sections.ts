import type { TFunction } from 'i18next';
import type { PlanDetail, SectionName } from '@sip/shared';

/**
 * The plan's sections in reading order, with their titles: the person's part, the child's
 * own view (for a child), the shared part, one actions section per principal taking part,
 * and others' measures.
 */
export function planSections(plan: PlanDetail, t: TFunction): { name: SectionName; title: string }[] {
  const organisations = new Map<string, string>([[plan.initiatingUnit.organisationId, plan.initiatingUnit.organisationName]]);
  for (const p of plan.participants ?? []) if (p.organisationId && p.organisationName) organisations.set(p.organisationId, p.organisationName);
  return [
    { name: 'person', title: t('collab.sections.person') },
    ...(plan.person.isChild ? [{ name: 'child' as const, title: t('collab.sections.child') }] : []),
    { name: 'shared', title: t('collab.sections.shared') },
    ...[...organisations].map(([id, org]) => ({ name: `actions:${id}` as SectionName, title: t('collab.sections.actions', { org }) })),
    { name: 'others', title: t('collab.sections.others') },
  ];
}

/** Units of an actions section's principal that take part in the plan: who can perform its actions. */
export function principalUnits(plan: PlanDetail, section: SectionName): { id: string; label: string }[] {
  const organisationId = section.slice('actions:'.length);
  const units = new Map<string, string>();
  if (plan.initiatingUnit.organisationId === organisationId) units.set(plan.initiatingUnit.id, plan.initiatingUnit.name);
  for (const p of plan.participants ?? []) if (p.organisationId === organisationId && p.unitId && p.unitName) units.set(p.unitId, p.unitName);
  return [...units].map(([id, label]) => ({ id, label }));
}
