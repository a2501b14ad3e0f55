import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long a target may take to appear: the co-edited sections load lazily, then sync. */
const WAIT_MS = 15_000;

/**
 * Links into a plan name the place to act in their hash (`#actions-<organisationId>`,
 * `#calls`, `#consent`, `#follow-up`, `#meeting-<id>`). The browser's own jump happens before
 * the page has rendered, so the plan page scrolls to the target once it is shown and moves
 * focus there, so that keyboard and screen-reader users start where the link said.
 *
 * "Shown", not "exists": the workspace renders its sections inside a hidden box until every
 * one has loaded (PlanWorkspace), and focusing an element that is not rendered does nothing.
 * Taking the first match in the DOM, as this did, focused nothing once the plan page became
 * lazy — the sections were in the DOM, still hidden, by the time the page's data arrived.
 */
export function useAnchorFocus(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const id = decodeURIComponent(hash.slice(1));
    const tryFocus = (): boolean => {
      const target = document.getElementById(id);
      if (!target || !isShown(target)) return false;
      if (!target.hasAttribute('tabindex') && !isFocusable(target)) target.setAttribute('tabindex', '-1');
      target.classList.add('anchor-target');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
      return document.activeElement === target;
    };
    if (tryFocus()) return;
    // Not rendered or not shown yet: watch the page until it is (or give up quietly).
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-busy'] });
    return stop;
  }, [hash, key, ready]);
}

function isShown(element: HTMLElement): boolean {
  if (element.closest('[hidden]')) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

function isFocusable(element: HTMLElement): boolean {
  return element.matches('a[href], button, input, select, textarea, [contenteditable="true"]');
}
