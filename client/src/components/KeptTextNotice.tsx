import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text the user wrote that was not kept (it did not fit, or the server refused it), shown
 * with why and a copy button, until the user dismisses it: nothing typed disappears without
 * a word. An alert, so that it is announced where it appears.
 */
export function KeptTextNotice({ message, texts, onDismiss }: { message: string; texts: { label: string; text: string }[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const all = texts.map((x) => x.text).join('\n\n');
    try {
      await navigator.clipboard.writeText(all);
    } catch {
      // No clipboard permission: select the text, so that the user can copy it themselves.
      (document.getElementById(`${id}-0`) as HTMLTextAreaElement | null)?.select();
      return;
    }
    setCopied(true);
  };
  return (
    <div role="alert" className="kept-text">
      <p>{message}</p>
      {texts.map((x, i) => (
        <div className="field" key={i}>
          <label htmlFor={`${id}-${i}`}>{x.label}</label>
          <textarea id={`${id}-${i}`} readOnly rows={Math.min(6, Math.max(2, Math.ceil(x.text.length / 60)))} value={x.text} />
        </div>
      ))}
      <div className="button-row">
        {texts.length > 0 && (
          <button type="button" className="button-small" onClick={() => void copy()}>
            {t('limits.copy')}
          </button>
        )}
        <button type="button" className="button-small" onClick={onDismiss}>
          {t('limits.dismiss')}
        </button>
        <span role="status" className="hint">
          {copied ? t('limits.copied') : ''}
        </span>
      </div>
    </div>
  );
}
