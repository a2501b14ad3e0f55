import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../api/admin';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Recomputes the hash chain on the server and says whether it holds, and if not, where it breaks. */
export function VerifyChain() {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <div className="card" role="group" aria-labelledby="verify-h">
      <h2 id="verify-h">{t('admin.audit.verify.title')}</h2>
      <p className="hint">{t('admin.audit.verify.intro')}</p>
      <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('admin.audit.verify.running') : t('admin.audit.verify.button')}
      </button>
      <div role="status" aria-live="polite">
        {result?.ok && (
          <p className="alert alert-info verify-ok" data-testid="verify-result">
            {t('admin.audit.verify.ok', { n: n(result.checked) })}
          </p>
        )}
      </div>
      {result && !result.ok && (
        <p role="alert" className="alert alert-error" data-testid="verify-result">
          {t('admin.audit.verify.broken', { seq: result.brokenAtSeq, n: n(result.checked) })}
        </p>
      )}
      <ProblemAlert error={verify.error} />
    </div>
  );
}
