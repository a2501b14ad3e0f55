import type { TFunction } from 'i18next';
import { type PlanDetail, type SectionName, sectionKind } from '@sip/shared';

/**
 * The plan's sections this reader may open, in reading order, with their titles — as the
 * server lists them from the shared section registry (the person's part, the child's own
 * view for a child, the shared part, one actions section per principal, others' measures).
 */
export function planSections(plan: PlanDetail, t: TFunction): { name: SectionName; title: string; write: boolean }[] {
  return plan.sections.map((s) => {
    const name = s.name as SectionName;
    return { name, write: s.write, title: t(`collab.sections.${sectionKind(name).ui.titleKey}`, { org: s.organisationName ?? '' }) };
  });
}

/** Units of an actions section's principal that take part in the plan: who can perform its actions. */
export function principalUnits(plan: PlanDetail, section: SectionName): { id: string; label: string }[] {
  const organisationId = section.slice('actions:'.length);
  const units = new Map<string, string>();
  if (plan.initiatingUnit.organisationId === organisationId) units.set(plan.initiatingUnit.id, plan.initiatingUnit.name);
  for (const p of plan.participants ?? []) if (p.organisationId === organisationId && p.unitId && p.unitName) units.set(p.unitId, p.unitName);
  return [...units].map(([id, label]) => ({ id, label }));
}
