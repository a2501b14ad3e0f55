import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long a target may take to appear: the co-edited sections load lazily, then sync. */
const WAIT_MS = 15_000;

/**
 * Links into a plan name the place to act in their hash (`#actions-<organisationId>`,
 * `#calls`, `#consent`, `#follow-up`, `#meeting-<id>`). The browser's own jump happens before
 * the page has rendered, so the plan page scrolls to the target once it exists and moves
 * focus there, so that keyboard and screen-reader users start where the link said.
 */
export function useAnchorFocus(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const id = decodeURIComponent(hash.slice(1));
    const focus = (target: HTMLElement) => {
      if (!target.hasAttribute('tabindex') && !isFocusable(target)) target.setAttribute('tabindex', '-1');
      target.classList.add('anchor-target');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    };
    // Shown, not just rendered: the workspace renders its sections hidden until it appears
    // whole, and a hidden element takes no focus (the focus went nowhere).
    const focusWhenShown = () => {
      const target = document.getElementById(id);
      if (!target || target.getClientRects().length === 0) return false;
      focus(target);
      return true;
    };
    if (focusWhenShown()) return;
    // Not rendered or not shown yet: watch the page until it is (or give up quietly).
    const observer = new MutationObserver(() => {
      if (focusWhenShown()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [hash, key, ready]);
}

function isFocusable(element: HTMLElement): boolean {
  return element.matches('a[href], button, input, select, textarea, [contenteditable="true"]');
}
