/**
 * SQL mirrors of the shared domain rules, one place each: when a consent is in force
 * (shared/src/domain/consent-rules.ts) and who is a child (shared/src/domain/time.ts).
 * test/integration/domain-sql.test.ts evaluates both over the same cases. `current_date` is
 * Stockholm's date (every session runs in Europe/Stockholm, see database/data-source.ts).
 */

/** The consent row aliased `c` is in force today. */
export const consentInForceSql = (c = 'c', today = 'current_date') =>
  `(${c}.withdrawn_at IS NULL AND ${c}.valid_from <= ${today} AND (${c}.valid_to IS NULL OR ${c}.valid_to >= ${today}))`;

/** The consent row aliased `c` was withdrawn or has run out. */
export const consentEndedSql = (c = 'c', today = 'current_date') => `(${c}.withdrawn_at IS NOT NULL OR ${c}.valid_to < ${today})`;

/** The state of one consent row: 'active' | 'withdrawn' | 'expired' | 'none' (not yet begun). */
export const consentRecordStateSql = (c = 'c', today = 'current_date') => `
  CASE WHEN ${c}.withdrawn_at IS NOT NULL THEN 'withdrawn'
       WHEN ${c}.valid_to < ${today} THEN 'expired'
       WHEN ${c}.valid_from > ${today} THEN 'none'
       ELSE 'active' END`;

/** The plan (aliased `p`)'s consent: in force if any record is, else withdrawn, ended, none. */
export const planConsentStateSql = (p = 'p', today = 'current_date') => `
  CASE
    WHEN EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = ${p}.id AND ${consentInForceSql('c', today)}) THEN 'active'
    WHEN EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = ${p}.id AND c.withdrawn_at IS NOT NULL) THEN 'withdrawn'
    WHEN EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = ${p}.id AND c.valid_to < ${today}) THEN 'expired'
    ELSE 'none'
  END`;

/*
 * The same questions for a whole plan, from the consent summary on its row (migration
 * ConsentSummary: kept by triggers on consent). They answer exactly as an EXISTS over the
 * plan's consent rows with the predicates above; consent-summary.test.ts checks that.
 */

/**
 * Some consent of the plan (aliased `p`) is in force today. `prefix` names a copy of the
 * summary on another row (a call's `plan_consent_periods`: migration CallPlanFacts).
 */
export const planConsentInForceSql = (p = 'p', today = 'current_date', prefix = '') => `(${p}.${prefix}consent_periods @> ${today})`;

/**
 * Some consent of the plan in force today covers one of the organisations `orgs` (uuid[]).
 * The first term is read directly: most plans have one consent, and a subquery per plan
 * costs more than the test (~3 ms over 5 000 plans).
 */
export const planConsentCoversSql = (p: string, orgs: string, today = 'current_date', prefix = '') => {
  const terms = `${p}.${prefix}consent_terms`;
  return `coalesce((${terms}[1]).valid @> ${today} AND (${terms}[1]).scope && ${orgs}
     OR cardinality(${terms}) > 1
        AND EXISTS (SELECT 1 FROM unnest(${terms}[2:]) t WHERE t.valid @> ${today} AND t.scope && ${orgs}), false)`;
};

/** Some consent of the plan was withdrawn or has run out. */
export const planConsentEndedSql = (p = 'p', today = 'current_date', prefix = '') => `(${p}.${prefix}consent_ended_from <= ${today})`;

/** Born on `birthDate`, under 18 today. */
export const isChildSql = (birthDate: string, today = 'current_date') => `(${birthDate} > ${today} - interval '18 years')`;
