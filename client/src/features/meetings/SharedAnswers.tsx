import { useTranslation } from 'react-i18next';
import { CIRCLES, type Language, type MeetingPart, PART_INFO, type SharedAnswer, circleQuestion } from '@sip/shared';

/**
 * Answers shared into the agenda, in the meeting's order: by part, the person's first.
 * Each under the question it answers, in the author's own circle.
 */
export function SharedAnswers({ answers, part, headingLevel = 3 }: { answers: SharedAnswer[]; part?: MeetingPart; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const shown = part ? answers.filter((a) => a.part === part) : answers;
  if (!shown.length) return <p className="hint">{part ? t('meetings.live.noShared') : t('meetings.prepare.agendaEmpty')}</p>;
  const parts = [...new Set(shown.map((a) => a.part))];
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="shared-answers" data-testid="shared-answers">
      {parts.map((p) => (
        <section key={p} aria-label={PART_INFO[p].name[lang]}>
          {!part && <Heading>{PART_INFO[p].name[lang]}</Heading>}
          <ul className="plain-list">
            {shown
              .filter((a) => a.part === p)
              .map((a) => (
                <li key={a.id} className={a.authorRelation === 'person' ? 'shared-answer person-answer' : 'shared-answer'}>
                  <p className="shared-answer-who">
                    <strong>{a.authorName}</strong> · {t(`meetings.relations.${a.authorRelation}`)} · {circleQuestion(a.version, a.part, a.questionKey)?.text[lang] ?? CIRCLES[a.version].title[lang]}
                  </p>
                  <p className="shared-answer-text">{a.text}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
