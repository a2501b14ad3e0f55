import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_MAX_LENGTH, type CircleVersion, type MeetingPart, type PreparationAnswer } from '@sip/shared';
import type { useSaveAnswer } from '../../api/meetings';
import { LimitedField } from '../../collab/LimitedField';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Waiting this long after the last keystroke before saving keeps a request per pause, not per key. */
const SAVE_AFTER_MS = 700;

/**
 * One question of the circle and one's own answer to it, saved as one types, with
 * "Dela inför mötet" beside it. The answer is private until shared.
 */
export function AnswerField({
  version,
  part,
  questionKey,
  label,
  answer,
  save,
  readOnly,
}: {
  version: CircleVersion;
  part: MeetingPart;
  questionKey: string;
  label: string;
  answer: PreparationAnswer | undefined;
  save: ReturnType<typeof useSaveAnswer>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(answer?.text ?? '');
  const [shared, setShared] = useState(answer?.shared ?? false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ text, shared });

  const send = (next: { text: string; shared: boolean }) => {
    setStatus('saving');
    save.mutate(
      { version, part, questionKey, text: next.text, shared: next.shared },
      {
        onSuccess: () => {
          // Only the newest edit decides what the field says.
          if (latest.current.text === next.text && latest.current.shared === next.shared) setStatus('saved');
          setError(null);
        },
        onError: (e) => {
          setStatus('failed');
          setError(e);
        },
      },
    );
  };
  // A pending save is sent when the page is left (send reads refs and a stable mutation).
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        send(latest.current);
      }
    },
    [],
  );

  const onText = (value: string) => {
    setText(value);
    const next = { text: value, shared: value.trim() ? shared : false };
    if (!value.trim()) setShared(false);
    latest.current = next;
    setStatus('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      send(next);
    }, SAVE_AFTER_MS);
  };
  const onShare = (value: boolean) => {
    setShared(value);
    latest.current = { text, shared: value };
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    send(latest.current);
  };

  return (
    <div className="answer-field">
      <label htmlFor={`${id}-a`} className="field-label">
        {label}
      </label>
      <LimitedField multiline id={`${id}-a`} className="no-print" rows={3} max={ANSWER_MAX_LENGTH} value={text} onValue={onText} readOnly={readOnly} aria-describedby={`${id}-s`} />
      {/* On paper the answer is plain text (a textarea prints cut to its box). */}
      <p className="print-only answer-print">{text}</p>
      <div className="answer-meta no-print">
        <label className="checkbox">
          <input type="checkbox" checked={shared} disabled={readOnly || !text.trim()} onChange={(e) => onShare(e.target.checked)} /> {t('meetings.prepare.share')}
        </label>
        <span id={`${id}-s`} role="status" className="save-status">
          {status === 'saving' ? t('meetings.prepare.saving') : status === 'saved' ? (shared ? t('meetings.prepare.sharedSaved') : t('meetings.prepare.saved')) : ''}
        </span>
      </div>
      {status === 'failed' && <ProblemAlert error={error} />}
    </div>
  );
}
