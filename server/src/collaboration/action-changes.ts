/**
 * What changed in an actions section, update by update: the facts follow-up and statistics
 * read ("done by its due date", "not done, why") need each status and due-date change with
 * its author and time — the projection alone only sees the latest state.
 */
export interface ActionFacts {
  status: string;
  dueDate: string | null;
}

export interface ActionChange {
  actionId: string;
  change: 'created' | 'status' | 'due_date' | 'removed';
  from: string | null;
  to: string | null;
}

/** The facts of every action in a section's JSON (`{ actions: [...] }`). */
export function actionFacts(content: Record<string, unknown>): Map<string, ActionFacts> {
  const facts = new Map<string, ActionFacts>();
  const actions = Array.isArray(content.actions) ? (content.actions as Record<string, unknown>[]) : [];
  for (const a of actions) {
    if (typeof a.id !== 'string') continue;
    facts.set(a.id, { status: String(a.status ?? ''), dueDate: typeof a.dueDate === 'string' && a.dueDate ? a.dueDate : null });
  }
  return facts;
}

export function diffActions(before: Map<string, ActionFacts>, after: Map<string, ActionFacts>): ActionChange[] {
  const changes: ActionChange[] = [];
  for (const [actionId, now] of after) {
    const was = before.get(actionId);
    if (!was) {
      changes.push({ actionId, change: 'created', from: null, to: now.status });
      if (now.dueDate) changes.push({ actionId, change: 'due_date', from: null, to: now.dueDate });
      continue;
    }
    if (was.status !== now.status) changes.push({ actionId, change: 'status', from: was.status, to: now.status });
    if (was.dueDate !== now.dueDate) changes.push({ actionId, change: 'due_date', from: was.dueDate, to: now.dueDate });
  }
  for (const [actionId, was] of before) if (!after.has(actionId)) changes.push({ actionId, change: 'removed', from: was.status, to: null });
  return changes;
}
