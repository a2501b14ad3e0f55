import { useState } from 'react';

/**
 * A tick (or a choice) shows at once, before the server's answer: the control keeps what was
 * chosen until the command is settled (its answer carries the new state), then the state
 * decides again.
 */
export function usePendingToggles<T = boolean>() {
  const [pending, setPending] = useState<Record<string, T>>({});
  return {
    value: (key: string, stored: T): T => (key in pending ? pending[key]! : stored),
    set: (key: string, value: T) => setPending((p) => ({ ...p, [key]: value })),
    settle: (key: string) =>
      setPending((p) => {
        const { [key]: _, ...rest } = p;
        return rest;
      }),
  };
}
