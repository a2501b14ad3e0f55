import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A removal (or other step that cannot be undone) asks once more, in place: the first
 * press shows the question and the confirming button, which takes focus.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button-small" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button-small button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button-small" onClick={() => setAsking(false)}>
        {t('admin.common.cancel')}
      </button>
    </span>
  );
}

/** Says that something was saved, where the screen reader hears it; empty otherwise. */
export function SavedStatus({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'alert alert-info' : 'visually-hidden'}>
      {message ?? ''}
    </p>
  );
}
