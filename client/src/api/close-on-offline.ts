import type { Socket } from 'socket.io-client';

/**
 * Closes the socket's connection when the browser goes offline, so that it says "offline" at
 * once and reconnects (socket.io's own retries) when the network is back.
 *
 * Why ours and not engine.io-client's: it keeps one list of sockets to close on `offline` and
 * walks it with `forEach` while each closing socket removes itself from it (engine.io-client
 * 6.6, `OFFLINE_EVENT_LISTENERS`), so every second socket is skipped. With the header's
 * /notify connection opened before the plan page's /collab one, /collab was the one skipped:
 * its page said "Sparat" with no network until the ping timed out, most of a minute later.
 * Closing an engine that is already closed does nothing, so both may run.
 *
 * Returns the function that removes the listener.
 */
export function closeOnOffline(socket: Socket): () => void {
  const close = () => socket.io.engine?.close();
  window.addEventListener('offline', close);
  return () => window.removeEventListener('offline', close);
}
