import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanDetail, sectionFields } from '@sip/shared';
import { planSections } from './plan-sections';

/**
 * The plan content's card: heading and introduction, then the sections. `busy` while the
 * workspace is not shown whole yet (its code or a section's content still on the way).
 */
export function WorkspaceFrame({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="workspace-h" className="card workspace" aria-busy={busy}>
      <h2 id="workspace-h">{t('collab.title')}</h2>
      <p className="hint">{t('collab.intro')}</p>
      {children}
    </section>
  );
}

/**
 * Stands in for the sections until the workspace is shown whole: each section the reader
 * will get, with its title and a blank of about an empty field's height per field.
 *
 * Why: the workspace arrives last — its code (the editor chunk), then each section's
 * content over the socket — and it sits above the rest of the plan. Growing from one line
 * to its full height, section by section, it pushed the cards below it down the screen as
 * the person read them (CLS 0.25–0.37). The placeholders take about the room an empty
 * workspace takes from the first paint, which puts what follows below the fold; the
 * workspace then replaces them in one step once everything has arrived (PlanWorkspace).
 */
export function SectionPlaceholders({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <div className="workspace-placeholder">
      <p role="status" className="hint">{t('collab.loading')}</p>
      {planSections(plan, t).map((s) => (
        <div key={s.name} className="section-editor" aria-hidden="true">
          <div className="section-head">
            <p className="placeholder-title">{s.title}</p>
          </div>
          {Object.entries(sectionFields(s.name)).map(([field, kind]) => (
            <div className="field" key={field}>
              <span className="field-label">{t(`collab.fields.${field}`)}</span>
              <div className={`placeholder placeholder-${kind === 'rich' ? 'rich' : 'list'}`} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
