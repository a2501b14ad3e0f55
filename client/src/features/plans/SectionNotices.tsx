import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Refusal, SocketYjsProvider } from '../../collab/socket-yjs-provider';
import { KeptTextNotice } from '../../components/KeptTextNotice';

/**
 * Each refused edit of the section: why, and what the user wrote that the server does not
 * have, to copy — until dismissed (the provider has already reset the section to the
 * server's copy).
 */
export function RefusalNotices({ provider }: { provider: SocketYjsProvider }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {provider.refusals.map((refusal) => (
        <KeptTextNotice
          key={refusal.id}
          message={refusalMessage(refusal, t, i18n.language)}
          texts={refusal.lost.map((l) => ({
            label: l.index === undefined ? t(`collab.fields.${l.field}`) : `${t(`collab.fields.${l.field}`)} ${l.index + 1} – ${t(`collab.fields.${l.property}`)}`,
            text: l.text,
          }))}
          onDismiss={() => provider.dismissRefusal(refusal.id)}
        />
      ))}
    </>
  );
}

function refusalMessage({ reason }: Refusal, t: TFunction, language: string): string {
  if (reason.kind === 'tooLong') return t('collab.refusal.tooLong', { max: reason.max.toLocaleString(language) });
  if (reason.kind === 'tooMany') return t('collab.refusal.tooMany', { max: reason.max.toLocaleString(language) });
  return t('collab.refusal.other', { reason: t(`collab.errors.${reason.code}`, { defaultValue: t('collab.errors.server_error') }) });
}

/** Why the section is read-only: said once write access ends while it is open (e.g. the plan was closed). */
export function ReadOnlyNotice({ provider }: { provider: SocketYjsProvider }) {
  const { t } = useTranslation();
  const cause = provider.accessCause;
  if (!cause) return <p className="hint">{t('collab.readOnly')}</p>;
  return (
    <p role="status" className="alert alert-info">
      {t(`collab.writeEnded.${cause}`, { defaultValue: t('collab.writeEnded.other') })}
    </p>
  );
}
