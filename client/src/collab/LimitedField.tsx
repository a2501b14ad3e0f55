import { type ClipboardEvent, type InputHTMLAttributes, type TextareaHTMLAttributes, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeptTextNotice } from '../components/KeptTextNotice';
import { fitInsertion, showCounter } from './limits';

type Common = { value: string; max: number; onValue: (value: string) => void; overflowLabel?: string };
type Props =
  | (Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'maxLength'>)
  | (Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'maxLength'>);

/**
 * A text input (or textarea) held to the schema's limit: the browser stops typing at
 * `max`, a counter shows the room left from 90 % on, and a paste that does not fit inserts
 * what fits and keeps the rest on screen with a message — the browser alone would cut it
 * without a word.
 */
export function LimitedField(props: Props) {
  const { value, max, onValue, overflowLabel, multiline, ...rest } = props;
  const { t, i18n } = useTranslation();
  const counterId = useId();
  const [overflow, setOverflow] = useState<string | null>(null);
  const n = (x: number) => x.toLocaleString(i18n.language);

  const onPaste = (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const field = event.currentTarget;
    if (field.readOnly) return;
    let pasted = event.clipboardData.getData('text/plain');
    // A one-line input takes line breaks as spaces.
    if (!multiline) pasted = pasted.replace(/\r?\n/g, ' ');
    const fitted = fitInsertion(field.value, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, pasted, max);
    if (!fitted.overflow) return; // the browser's own paste fits
    event.preventDefault();
    onValue(fitted.value);
    setOverflow(fitted.overflow);
    // After the re-render with the new value, the caret goes where the paste ended.
    requestAnimationFrame(() => field.setSelectionRange(fitted.caret, fitted.caret));
  };

  const counter = showCounter(value.length, max);
  const describedBy = [rest['aria-describedby'], counter ? counterId : null].filter(Boolean).join(' ') || undefined;
  const shared = { ...rest, value, maxLength: max, 'aria-describedby': describedBy, onPaste };
  return (
    <>
      {multiline ? (
        <textarea {...(shared as TextareaHTMLAttributes<HTMLTextAreaElement>)} onChange={(e) => onValue(e.target.value)} />
      ) : (
        <input {...(shared as InputHTMLAttributes<HTMLInputElement>)} onChange={(e) => onValue(e.target.value)} />
      )}
      {counter && (
        <span id={counterId} className={`char-count${value.length >= max ? ' char-count-full' : ''}`}>
          {t('limits.count', { length: n(value.length), max: n(max) })}
        </span>
      )}
      {overflow !== null && (
        <KeptTextNotice
          message={t('limits.pasteTooLong', { max: n(max), over: n(overflow.length) })}
          texts={[{ label: overflowLabel ?? t('limits.notKept'), text: overflow }]}
          onDismiss={() => setOverflow(null)}
        />
      )}
    </>
  );
}
