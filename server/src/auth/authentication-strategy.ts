/**
 * The boundary between "who is this?" and everything after it. A strategy turns the
 * credentials of one sign-in method into an account id; sessions, CSRF, throttling and
 * audit are the same whichever strategy answered.
 *
 * Today: PasswordStrategy (username + password, argon2id). In real deployments staff
 * sign in with SITHS and citizens with BankID/Freja through an OIDC identity provider; an
 * OidcStrategy implements this interface, maps the IdP's subject (HSA-id for staff,
 * personnummer for citizens — looked up through the personnummer vault's keyed hash) to an
 * account, and the auth controller gains the redirect/callback routes for it.
 */
export interface AuthenticationStrategy<Credentials> {
  readonly name: string;
  /** The account id, or null when the credentials do not identify an enabled account. */
  authenticate(credentials: Credentials): Promise<{ accountId: string } | null>;
}
