// Staff passwords: scrypt with a salt and the parameters kept beside the hash.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyNobody, verifyPassword } from '../../../src/domain/staff/password-hash.ts';

describe('a password hash', () => {
  it('matches its password only, and never holds it', async () => {
    const stored = await hashPassword('caravane de Tinghir 2026');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('caravane');
    expect(await verifyPassword('caravane de Tinghir 2026', stored)).toBe(true);
    expect(await verifyPassword('caravane de Tinghir 2025', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('is salted: the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashPassword('même mot de passe'), hashPassword('même mot de passe')]);
    expect(a).not.toBe(b);
  });

  it('keeps its cost, so a hash made with other parameters still verifies', async () => {
    const cheap = await hashPassword('كلمة السر الطويلة', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('كلمة السر الطويلة', cheap)).toBe(true);
  });

  it('reads the same password typed in another Unicode form', async () => {
    const stored = await hashPassword('e\u0301te\u0301 a\u0300 Ouarzazate'); // decomposed accents
    expect(await verifyPassword('été à Ouarzazate', stored)).toBe(true);
  });

  it('matches nothing when it does not parse', async () => {
    expect(await verifyPassword('x', 'sha256$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('costs as much to check for nobody as for a wrong password, so timing does not reveal who exists', async () => {
    const stored = await hashPassword('le vrai mot de passe');
    await verifyNobody('warm-up');
    const median = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const wrong = await median(() => verifyPassword('pas le bon', stored));
    const nobody = await median(() => verifyNobody('pas le bon'));
    expect(await verifyNobody('le vrai mot de passe')).toBe(false);
    expect(nobody).toBeGreaterThan(wrong * 0.4);
  });
});
