/**
 * Who may confirm a call: a kallelse goes to a unit, so anyone in that unit; an inbjudan to
 * one participant, so only that participant's account. The capability `acknowledge_call`
 * says the actor's relation to the plan allows confirming at all; this says which calls are
 * theirs. The server refuses the others (403); the client offers only these.
 */
export interface CallAddress {
  kind: 'kallelse' | 'inbjudan';
  unitId: string | null;
  /** For an inbjudan: the invited participant's account, if they have one. */
  invitedAccountId: string | null;
}

export function isCallAddressee(call: CallAddress, actor: { accountId: string; unitIds: readonly string[] }): boolean {
  return call.kind === 'kallelse' ? call.unitId !== null && actor.unitIds.includes(call.unitId) : call.invitedAccountId === actor.accountId;
}
