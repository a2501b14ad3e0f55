import { useTranslation } from 'react-i18next';
import type { MyPreparation } from '@sip/shared';
import { formatDateTime } from '../../components/format';

/** When, where and why: the meeting as the call described it. */
export function MeetingFacts({ meeting }: { meeting: MyPreparation['meeting'] }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="meeting-facts">
      <div>
        <dt>{t('meetings.prepare.when')}</dt>
        <dd>
          {t(`plan.meetings.kinds.${meeting.kind}`)}, {formatDateTime(meeting.startsAt, i18n.language)} ({meeting.durationMinutes} min)
        </dd>
      </div>
      {meeting.location && (
        <div>
          <dt>{t('meetings.prepare.where')}</dt>
          <dd>{meeting.location}</dd>
        </div>
      )}
      {meeting.videoLink && (
        <div>
          <dt>{t('meetings.prepare.video')}</dt>
          <dd>
            <a href={meeting.videoLink}>{meeting.videoLink}</a>
          </dd>
        </div>
      )}
      {meeting.purpose && (
        <div>
          <dt>{t('meetings.prepare.purpose')}</dt>
          <dd>{meeting.purpose}</dd>
        </div>
      )}
    </dl>
  );
}
