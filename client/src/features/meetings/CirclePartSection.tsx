import { useTranslation } from 'react-i18next';
import { CIRCLES, type CircleVersion, type Language, MEETING_PARTS, type MeetingPart, PART_INFO, type PreparationAnswer } from '@sip/shared';
import type { useSaveAnswer } from '../../api/meetings';
import { AnswerField } from './AnswerField';

/** One part of one's circle: what it is for, what happens, one's task, and the questions with one's answers. */
export function CirclePartSection({
  version,
  part,
  minutes,
  answers,
  save,
  readOnly,
}: {
  version: CircleVersion;
  part: MeetingPart;
  minutes: number;
  answers: PreparationAnswer[];
  save: ReturnType<typeof useSaveAnswer>;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const texts = CIRCLES[version].parts[part];
  const number = MEETING_PARTS.indexOf(part) + 1;
  return (
    <section id={`part-${part}`} className={`card circle-part-section part-${number}`} aria-labelledby={`part-${part}-h`} tabIndex={-1}>
      <h2 id={`part-${part}-h`}>{t('meetings.prepare.part', { number, name: PART_INFO[part].name[lang] })}</h2>
      <p className="hint">{t('meetings.prepare.partTime', { minutes })}</p>
      <p>{texts.purpose[lang]}</p>
      <dl className="part-texts">
        <div>
          <dt>{t('meetings.prepare.happens')}</dt>
          <dd>{PART_INFO[part].happens[lang]}</dd>
        </div>
        <div>
          <dt>{t('meetings.prepare.yourTask')}</dt>
          <dd>{texts.during[lang]}</dd>
        </div>
      </dl>
      <h3>{t('meetings.prepare.questions')}</h3>
      <p className="hint no-print">{t('meetings.prepare.privateHint')}</p>
      {texts.questions.map((q) => (
        <AnswerField
          key={`${version}:${q.key}`}
          version={version}
          part={part}
          questionKey={q.key}
          label={q.text[lang]}
          answer={answers.find((a) => a.version === version && a.part === part && a.questionKey === q.key)}
          save={save}
          readOnly={readOnly}
        />
      ))}
    </section>
  );
}
