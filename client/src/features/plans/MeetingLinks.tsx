import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '@sip/shared';
import '../meetings/meetings.css';

/** From a plan's meeting to its preparation and its meeting mode (followed live, or its evaluation after). */
export function MeetingLinks({ planId, meeting, large = false }: { planId: string; meeting: Pick<Meeting, 'id' | 'status'>; large?: boolean }) {
  const { t } = useTranslation();
  if (meeting.status === 'cancelled') return null;
  const base = `/plans/${planId}/meetings/${meeting.id}`;
  const className = large ? 'button-link button-large' : 'button-small button-link';
  return (
    <span className="meeting-links">
      {meeting.status === 'planned' && (
        <Link to={`${base}/prepare`} className={`${className} button-primary`}>
          {t('meetings.links.prepare')}
        </Link>
      )}
      <Link to={`${base}/live`} className={className}>
        {large ? t('meetings.links.follow') : t('meetings.links.live')}
      </Link>
    </span>
  );
}
