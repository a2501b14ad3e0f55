import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '@sip/shared';
import { useMarkRead, useNotifications } from '../../api/follow-up';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../components/format';
import { useUnreadCount } from './use-unread-count';

/** The notification centre with its live count: one per tab, in the signed-in layout. */
export function HeaderNotifications({ accountId }: { accountId: string }) {
  return <NotificationCentre unread={useUnreadCount(accountId)} />;
}

/**
 * The header's notification centre: a button with the unread count (live, from /notify)
 * that opens a panel of the latest notifications. Each says only what kind of thing needs
 * doing — the text comes from its kind, never from the plan — and links to the place.
 */
export function NotificationCentre({ unread }: { unread: number | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useNotifications(open);
  // Until the socket has said, the list's own count (if read) stands in.
  const count = unread ?? list.data?.unread ?? 0;
  const announcement = useArrivalAnnouncement(unread);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="notify" ref={box}>
      <button
        ref={button}
        type="button"
        className="notify-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={t('notifications.button', { count })}
        data-testid="notify-button"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        <span className="notify-label">{t('notifications.title')}</span>
        {count > 0 && (
          <span className="notify-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      {open && (
        <NotificationPanel
          id={`${id}-panel`}
          items={list.data?.items}
          loading={list.isPending}
          error={list.error}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}

function NotificationPanel({ id, items, loading, error, onClose }: { id: string; items: Notification[] | undefined; loading: boolean; error: unknown; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const anyUnread = items?.some((n) => !n.readAt);
  return (
    <section id={id} className="notify-panel" aria-labelledby={`${id}-h`}>
      <div className="notify-panel-head">
        <h2 id={`${id}-h`}>{t('notifications.title')}</h2>
        {anyUnread && (
          <button type="button" className="button-small" onClick={() => markRead.mutate('all')} disabled={markRead.isPending}>
            {t('notifications.markAllRead')}
          </button>
        )}
      </div>
      <ProblemAlert error={error ?? markRead.error} />
      {loading && <p role="status">{t('app.loading')}</p>}
      {items && items.length === 0 && <p className="hint">{t('notifications.none')}</p>}
      {items && items.length > 0 && (
        <ul className="notify-list" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <Link
                to={n.link}
                onClick={() => {
                  if (!n.readAt) markRead.mutate([n.id]);
                  onClose();
                }}
              >
                {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                {t(`notifications.kinds.${n.kind}`)}
              </Link>
              <span className="notify-time">{formatDateTime(n.createdAt, i18n.language)}</span>
              {!n.readAt && (
                <button type="button" className="button-small" onClick={() => markRead.mutate([n.id])} aria-label={`${t('notifications.markRead')}: ${t(`notifications.kinds.${n.kind}`)}`}>
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('notifications.privacy')}</p>
      <p className="notify-panel-foot">
        <Link to="/settings/notifications" onClick={onClose}>
          {t('notifications.settings')}
        </Link>
      </p>
    </section>
  );
}

/** Says, politely, that something new arrived — only when the count goes up, not on every render. */
function useArrivalAnnouncement(unread: number | null): string {
  const { t } = useTranslation();
  const previous = useRef<number | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (unread !== null && previous.current !== null && unread > previous.current) setText(t('notifications.arrived', { count: unread }));
    previous.current = unread;
  }, [unread, t]);
  return text;
}

function BellIcon() {
  return (
    <svg className="notify-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
      />
    </svg>
  );
}
