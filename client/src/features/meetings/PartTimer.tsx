import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingLiveState } from '@sip/shared';
import { clock } from './circle-geometry';

/**
 * The current part's time left, counted here from when the part started and its share of
 * the meeting — the server sends start times, not ticks. The server's clock at sending
 * corrects for this device's clock.
 */
export function PartTimer({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const [offset] = useState(() => new Date(state.serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!state.currentPart || !state.partStartedAt || !state.startedAt) return null;
  const serverNow = now + offset;
  const planned = state.parts.find((p) => p.part === state.currentPart)!.seconds;
  const left = planned - (serverNow - new Date(state.partStartedAt).getTime()) / 1000;
  const elapsed = (serverNow - new Date(state.startedAt).getTime()) / 1000;
  return (
    <div>
      {/* A timer is not read aloud each second (role timer is polite-off); the text is there to read. */}
      <p role="timer" className={`part-timer${left < 0 ? ' overrun' : ''}`} data-testid="part-timer">
        {left >= 0 ? t('meetings.live.timeLeft', { time: clock(left), minutes: Math.round(planned / 60) }) : t('meetings.live.overrun', { time: clock(-left) })}
      </p>
      <p className="hint">{t('meetings.live.elapsed', { time: clock(elapsed) })}</p>
    </div>
  );
}
