import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_NOTES_MAX_LENGTH } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { LimitedField } from '../../collab/LimitedField';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LiveContext } from './live-context';

const SAVE_AFTER_MS = 900;

/** The note-taker's notes: written by the note-taker (or the chair), saved as they type; read by the others. */
export function NotesPanel({ ctx }: { ctx: LiveContext }) {
  const { t } = useTranslation();
  const id = useId();
  const canWrite = (ctx.isNoteTaker || ctx.isChair) && ctx.state.status === 'running';
  const save = useMeetingCommand(ctx.planId, ctx.meetingId, (notes: string) => ({ method: 'PATCH', path: '/live', body: { notes } }));
  const [notes, setNotes] = useState(ctx.agenda?.notes ?? '');
  const [touched, setTouched] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Until the writer types, the field shows what is stored (the agenda arrives after the page).
  useEffect(() => {
    if (!touched) setNotes(ctx.agenda?.notes ?? '');
  }, [ctx.agenda?.notes, touched]);
  const onValue = (value: string) => {
    setTouched(true);
    setNotes(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save.mutate(value), SAVE_AFTER_MS);
  };
  if (!ctx.agenda && !canWrite) return null;
  return (
    <section className="card notes-field" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.live.notes')}</h2>
      {canWrite ? (
        <>
          <p className="hint" id={`${id}-hint`}>{t('meetings.live.notesHint')}</p>
          <LimitedField multiline id={`${id}-n`} aria-labelledby={`${id}-h`} aria-describedby={`${id}-hint`} rows={6} max={MEETING_NOTES_MAX_LENGTH} value={notes} onValue={onValue} />
          <span role="status" className="save-status">{save.isPending ? t('meetings.prepare.saving') : save.isSuccess ? t('meetings.prepare.saved') : ''}</span>
          <ProblemAlert error={save.error} />
        </>
      ) : (
        <p className="shared-answer-text">{ctx.agenda?.notes || t('meetings.live.noNotes')}</p>
      )}
    </section>
  );
}
