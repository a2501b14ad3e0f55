import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_LENGTH, type PlanComment } from '@sip/shared';
import { useAddComment, useRemoveComment } from '../../api/comments';
import { LimitedField } from '../../collab/LimitedField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../components/format';

/**
 * A section's comment thread. Everyone who reads the section may comment until the plan
 * closes — relatives too, who never edit; authors may remove their own comments.
 */
export function CommentThread({ planId, section, comments, canComment, myId }: { planId: string; section: string; comments: PlanComment[]; canComment: boolean; myId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const add = useAddComment(planId);
  const remove = useRemoveComment(planId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ section, body }, { onSuccess: () => setBody('') });
  };
  return (
    <details className="comments" data-testid={`comments-${section.split(':')[0]}`}>
      <summary>{t('comments.summary', { count: comments.filter((c) => c.body !== null).length })}</summary>
      {comments.length > 0 ? (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-meta">
                <strong>{c.author.name}</strong> · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, i18n.language)}</time>
              </p>
              {c.body !== null ? <p className="comment-body">{c.body}</p> : <p className="hint">{t('comments.removed')}</p>}
              {c.body !== null && c.author.id === myId && canComment && (
                <button type="button" className="button-small" onClick={() => remove.mutate(c.id)} disabled={remove.isPending}>
                  {t('comments.remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('comments.none')}</p>
      )}
      <ProblemAlert error={remove.error} />
      {canComment && (
        <form onSubmit={submit} className="comment-form">
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('comments.write')}</label>
            <LimitedField multiline id={`${id}-body`} rows={2} max={COMMENT_MAX_LENGTH} required value={body} onValue={setBody} />
          </div>
          <ProblemAlert error={add.error} />
          <button type="submit" disabled={add.isPending || body.trim() === ''}>
            {t('comments.send')}
          </button>
        </form>
      )}
    </details>
  );
}
