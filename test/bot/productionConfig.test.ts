import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';

/** A production configuration with everything that keeps it safe. */
const SAFE_PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'a-client-secret',
  MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
  ALLOWED_TENANT_IDS: '99999999-8888-7777-6666-555555555555',
  EXPORT_LINK_SECRET: 'x'.repeat(40),
  BANK_DETAILS_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('production refuses to start unsafe', () => {
  it('starts with a tenant allow-list, a link secret and a bank-details key', () => {
    expect(loadConfig(SAFE_PRODUCTION).ALLOWED_TENANT_IDS).toEqual([SAFE_PRODUCTION.ALLOWED_TENANT_IDS]);
  });

  it.each([
    ['an empty tenant allow-list', { ALLOWED_TENANT_IDS: ' , ' }, 'ALLOWED_TENANT_IDS is empty'],
    ['no export-link secret', { EXPORT_LINK_SECRET: '' }, 'EXPORT_LINK_SECRET is required when NODE_ENV=production'],
    ['no bank-details key, bank details not turned off', { BANK_DETAILS_KEY: '' }, 'BANK_DETAILS_KEY is required when NODE_ENV=production'],
  ])('refuses %s, naming the variable', (_name, change, expected) => {
    expect(() => loadConfig({ ...SAFE_PRODUCTION, ...change })).toThrow(expected);
  });

  it('starts without a bank-details key when bank details are turned off, and then takes none', () => {
    const config = loadConfig({ ...SAFE_PRODUCTION, BANK_DETAILS_KEY: '', BANK_DETAILS: 'off' });
    expect(config.BANK_DETAILS_KEY).toBeUndefined();
  });

  it('refuses a bank-details key alongside BANK_DETAILS=off, and BANK_DETAILS=on without a key, in any environment', () => {
    expect(() => loadConfig({ ...SAFE_PRODUCTION, BANK_DETAILS: 'off' })).toThrow('BANK_DETAILS_KEY is set but BANK_DETAILS=off');
    expect(() => loadConfig({ BOT_AUTH: 'off', BANK_DETAILS: 'on' })).toThrow('BANK_DETAILS_KEY is required when BANK_DETAILS=on');
  });

  it('leaves local development as it was: any tenant, a random link secret, no bank details', () => {
    const config = loadConfig({ BOT_AUTH: 'off' });
    expect([config.ALLOWED_TENANT_IDS, config.EXPORT_LINK_SECRET, config.BANK_DETAILS_KEY]).toEqual([[], undefined, undefined]);
  });
});
