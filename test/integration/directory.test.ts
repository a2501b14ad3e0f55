import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '@sip/shared';
import { ApiSession, ok, problem, signedIn } from '../support/api-session';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp({ admin: true });

const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}-${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
const auditActions = async () => ok(await app.admin.get('/api/audit?limit=20')).map((e: { action: string }) => e.action);

describe('organisations and units', () => {
  it('has the demo principals: a kommun, a region and another actor, in Uppsala län', async () => {
    const orgs = ok(await app.admin.get('/api/organisations'));
    expect(orgs.map((o: { name: string; kind: string }) => `${o.kind}:${o.name}`)).toEqual(
      expect.arrayContaining(['kommun:Uppsala kommun', 'region:Region Uppsala', 'other:Försäkringskassan']),
    );
    const region = orgs.find((o: { kind: string }) => o.kind === 'region')!;
    expect(region.countyCode).toBe('03');
    const units = ok(await app.admin.get(`/api/units?organisationId=${region.id}`)).map((u: { name: string }) => u.name);
    expect(units).toEqual(['BUP Uppsala', 'Vuxenpsykiatrimottagningen Uppsala']);
  });

  it('creates, renames and removes an organisation with a unit, auditing each change', async () => {
    const created = await app.admin.post('/api/organisations', { kind: 'kommun', name: 'Enköpings kommun', countyCode: '03' });
    expect(created.status).toBe(201);
    const unit = await app.admin.post('/api/units', { organisationId: ok(created).id, name: 'Socialtjänsten' });
    expect(unit.status).toBe(201);

    const blocked = await app.admin.delete(`/api/organisations/${ok(created).id}`);
    expect(blocked.status).toBe(409);
    expect(problem(blocked).code).toBe('in_use');

    const renamed = await app.admin.patch(`/api/units/${ok(unit).id}`, { name: 'Socialförvaltningen' });
    expect(ok(renamed).name).toBe('Socialförvaltningen');
    expect((await app.admin.delete(`/api/units/${ok(unit).id}`)).status).toBe(204);
    expect((await app.admin.delete(`/api/organisations/${ok(created).id}`)).status).toBe(204);
    expect((await app.admin.get(`/api/organisations/${ok(created).id}`)).status).toBe(404);

    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'directory.organisation.create',
        'directory.unit.create',
        'directory.unit.update',
        'directory.unit.delete',
        'directory.organisation.delete',
      ]),
    );
  });

  it('requires a county for a kommun or region and refuses duplicates', async () => {
    const res = await app.admin.post('/api/organisations', { kind: 'region', name: 'Region X' });
    expect(res.status).toBe(400);
    expect(problem(res).errors).toEqual([expect.objectContaining({ path: 'body.countyCode' })]);
    const dup = await app.admin.post('/api/organisations', { kind: 'kommun', name: 'Uppsala kommun', countyCode: '03' });
    expect(dup.status).toBe(409);
    expect(problem(dup).code).toBe('conflict');
  });

  it('refuses a unit under an organisation that does not exist', async () => {
    const res = await app.admin.post('/api/units', { organisationId: '00000000-0000-4000-8000-000000000000', name: 'X' });
    expect(res.status).toBe(400);
    expect(problem(res).errors?.[0]?.path).toBe('body.organisationId');
  });
});

describe('staff', () => {
  it('creates a staff account that can sign in with its roles and unit', async () => {
    const unit = ok(await app.admin.get('/api/units')).find((u: { name: string }) => u.name === 'BUP Uppsala')!;
    const res = await app.admin.post('/api/staff', {
      username: 'Nils.Nyman',
      displayName: 'Nils Nyman',
      title: 'Psykolog',
      systemRoles: ['practitioner'],
      unitIds: [unit.id],
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'nils.nyman', unitIds: [unit.id], disabled: false });
    expect(res.body).not.toHaveProperty('passwordHash');
    const nils = await signedIn(app.t.baseUrl, 'nils.nyman').catch(() => null);
    expect(nils).toBeNull(); // demo password is not his
    const s = new ApiSession(app.t.baseUrl);
    const signIn = await s.signIn('nils.nyman', 'a-long-enough-password');
    expect(ok(signIn).user?.units[0]?.name).toBe('BUP Uppsala');
  });

  it('disabling an account ends its sessions', async () => {
    const list = ok(await app.admin.get('/api/staff'));
    const target = list.find((s: { username: string }) => s.username === 'omar.haddad')!;
    const omar = await signedIn(app.t.baseUrl, 'omar.haddad');
    expect((await app.admin.patch(`/api/staff/${target.id}`, { disabled: true })).status).toBe(200);
    expect((await omar.get('/api/units')).status).toBe(401);
    expect((await app.admin.patch(`/api/staff/${target.id}`, { disabled: false })).status).toBe(200);
  });

  it('keeps at least one administrator', async () => {
    const me = ok(await app.admin.get('/api/staff')).find((s: { username: string }) => s.username === 'admin')!;
    const res = await app.admin.patch(`/api/staff/${me.id}`, { systemRoles: ['manager'] });
    expect(res.status).toBe(409);
    expect(ok(await app.admin.get(`/api/staff/${me.id}`)).systemRoles).toEqual(['admin']);
  });

  it('refuses short passwords, unknown roles and taken usernames with field errors', async () => {
    const res = await app.admin.request('POST', '/api/staff', {
      username: 'x',
      displayName: '',
      systemRoles: ['wizard'],
      password: 'short',
    });
    expect(res.status).toBe(400);
    expect(problem(res).errors?.map((e: { path: string }) => e.path).sort()).toEqual(
      ['body.displayName', 'body.password', 'body.systemRoles.0', 'body.username'].sort(),
    );
    const taken = await app.admin.post('/api/staff', { username: 'eva.lind', displayName: 'Eva', systemRoles: ['practitioner'], password: 'long-enough-pass' });
    expect(taken.status).toBe(409);
  });
});

describe('persons, guardians and relatives', () => {
  it('registers a person, derives birth date and sex, and finds them by personnummer', async () => {
    const number = pnr('19700101', '123');
    const res = await app.admin.post('/api/persons', { name: 'Karl Karlsson', personnummer: number, phone: '018-12 34 56' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Karl Karlsson',
      birthDate: '1970-01-01',
      sex: 'male', // the second-to-last digit (3) is odd
      personnummerMasked: '19700101-****',
      isSamordningsnummer: false,
    });
    const found = await app.admin.post('/api/persons/lookup', { personnummer: number.replace('-', '') });
    expect(found.status).toBe(200);
    expect(ok(found).id).toBe(ok(res).id);
    const missing = await app.admin.post('/api/persons/lookup', { personnummer: pnr('19700101', '999') });
    expect(missing.status).toBe(404);
  });

  it('refuses a second registration of the same personnummer', async () => {
    const number = pnr('19800101', '456');
    expect((await app.admin.post('/api/persons', { name: 'A', personnummer: number })).status).toBe(201);
    const again = await app.admin.post('/api/persons', { name: 'B', personnummer: number });
    expect(again.status).toBe(409);
  });

  it('links a new guardian account to a child and removes it again', async () => {
    const child = await app.admin.post('/api/persons', { name: 'Liv Berg', personnummer: pnr('20150601', '248') });
    const withGuardian = await app.admin.post(`/api/persons/${ok(child).id}/relations`, {
      kind: 'guardian',
      hasCustody: true,
      newAccount: { username: 'anna.berg', displayName: 'Anna Berg', password: 'guardian-password' },
    });
    expect(withGuardian.status).toBe(201);
    expect(ok(withGuardian).relations).toEqual([
      expect.objectContaining({ kind: 'guardian', hasCustody: true, displayName: 'Anna Berg', username: 'anna.berg' }),
    ]);
    const relationId = ok(withGuardian).relations[0].id;
    const removed = await app.admin.delete(`/api/persons/${ok(child).id}/relations/${relationId}`);
    expect(removed.status).toBe(200);
    expect(ok(removed).relations).toEqual([]);
    expect(await auditActions()).toEqual(expect.arrayContaining(['directory.relation.create', 'directory.relation.delete']));
  });

  it('has the demo family: a 15-year-old with two guardians with custody', async () => {
    const page = ok(await app.admin.get('/api/persons?q=Elin'));
    expect(page.total).toBe(1);
    const elin = page.items[0];
    expect(elin.relations.map((r: { kind: string; hasCustody: boolean }) => `${r.kind}:${r.hasCustody}`)).toEqual(['guardian:true', 'guardian:true']);
    expect(elin.birthDate).toBe('2011-03-14');
  });

  it('refuses an invalid personnummer with a field error naming the reason', async () => {
    const res = await app.admin.post('/api/persons', { name: 'X', personnummer: '19811218-9875' });
    expect(res.status).toBe(400);
    expect(problem(res).errors).toEqual([{ path: 'body.personnummer', code: 'personnummer_checksum', message: expect.any(String) }]);
  });

  it('updates contact details and audits the read of a person', async () => {
    const p = ok(await app.admin.get('/api/persons?q=Gunnel')).items[0];
    const res = await app.admin.patch(`/api/persons/${p.id}`, { email: 'gunnel@example.se' });
    expect(ok(res).email).toBe('gunnel@example.se');
    await app.admin.get(`/api/persons/${p.id}`);
    expect(await auditActions()).toEqual(expect.arrayContaining(['directory.person.update', 'directory.person.read']));
  });
});
