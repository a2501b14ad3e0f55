import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CIRCLES, type CircleVersion, type Language, type MeetingPart, PART_INFO } from '@sip/shared';
import { circleSlices, sharesFromParts } from './circle-geometry';

type PlannedPart = { part: MeetingPart; seconds: number };

/**
 * Mötescirkeln drawn: five slices as large as their share of the time, numbered clockwise
 * from the top, the current part marked. The picture is an image with a title and a
 * description; beside it the same parts as a list, each reachable by keyboard — a link to
 * the part (preparation) or, for the chair, a button that moves the meeting there.
 */
export function MeetingCircle({
  version,
  parts,
  current = null,
  partHref,
  onMove,
  moving = false,
}: {
  version: CircleVersion;
  parts: PlannedPart[];
  current?: MeetingPart | null;
  partHref?: (part: MeetingPart) => string;
  onMove?: (part: MeetingPart) => void;
  moving?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language as Language;
  const slices = circleSlices(sharesFromParts(parts));
  const name = (part: MeetingPart) => PART_INFO[part].name[lang];
  const minutes = (part: MeetingPart) => Math.round((parts.find((p) => p.part === part)?.seconds ?? 0) / 60);
  const description = [
    t('meetings.circle.desc'),
    ...slices.map((s, i) => `${i + 1}. ${name(s.part)}: ${t('meetings.circle.share', { share: s.share })}.`),
    current ? t('meetings.circle.current', { part: name(current) }) : '',
  ].join(' ');
  return (
    <figure className="meeting-circle">
      <svg viewBox="0 0 220 220" role="img" aria-labelledby={`${id}-t ${id}-d`} className="meeting-circle-svg">
        <title id={`${id}-t`}>{t('meetings.circle.label', { version: CIRCLES[version].title[lang] })}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {slices.map((s, i) => (
          <g key={s.part} className={`slice slice-${i + 1}${s.part === current ? ' slice-current' : ''}`}>
            <path d={s.path} />
            <text x={s.label.x} y={s.label.y} textAnchor="middle" dominantBaseline="central">
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ol className="circle-parts" aria-label={t('meetings.circle.parts')}>
          {slices.map((s, i) => {
            const isCurrent = s.part === current;
            const text = (
              <>
                <span className={`circle-key slice-${i + 1}`} aria-hidden="true" />
                <span className="circle-part-name">{`${i + 1}. ${name(s.part)}`}</span>
                <span className="circle-part-time">{t('meetings.prepare.partTime', { minutes: minutes(s.part) })}</span>
                {isCurrent && <strong className="circle-now">{t('meetings.circle.now')}</strong>}
              </>
            );
            return (
              <li key={s.part} aria-current={isCurrent ? 'step' : undefined} className={isCurrent ? 'current' : undefined}>
                {onMove ? (
                  <button type="button" onClick={() => onMove(s.part)} disabled={moving || isCurrent} aria-label={t('meetings.circle.moveTo', { number: i + 1, part: name(s.part) })}>
                    {text}
                  </button>
                ) : partHref ? (
                  <a href={partHref(s.part)}>{text}</a>
                ) : (
                  <span className="circle-part">{text}</span>
                )}
              </li>
            );
          })}
        </ol>
      </figcaption>
    </figure>
  );
}
