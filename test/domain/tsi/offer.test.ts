import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../domain/directory/types.js';
import { DEFAULT_OFFER, parseOffer } from '../../../domain/tsi/offer.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shippedFile = (): Record<string, unknown> =>
  JSON.parse(readFileSync(`${root}data/programme/tsi-offer-2023-24.json`, 'utf8')) as Record<string, unknown>;

/** An administrator's edit of the shipped file: a deep copy with one change. */
function edited(change: (offer: Record<string, any>) => void): Record<string, unknown> {
  const offer = shippedFile();
  change(offer);
  return offer;
}

describe('the 2023/24 TSI offer shipped as data', () => {
  it('runs for the 2023/24 academic year, 1 September 2023 to 31 August 2024', () => {
    expect(DEFAULT_OFFER.year).toBe('2023/24');
    expect(DEFAULT_OFFER.startDate).toBe('2023-09-01');
    expect(DEFAULT_OFFER.endDate).toBe('2024-08-31');
  });

  it('offers 10 days from a system leader, normally a MAT CEO, or an NLE', () => {
    expect(DEFAULT_OFFER.support.days).toBe(10);
    expect(DEFAULT_OFFER.support.systemLeader).toMatch(/CEO/);
    expect(DEFAULT_OFFER.support.systemLeader).toMatch(/National Leader of Education \(NLE\)/);
  });

  it('supports a trust through its CEO and a school in a trust through its trust', () => {
    expect(DEFAULT_OFFER.support.trustSupport).toMatch(/trust's CEO/);
    expect(DEFAULT_OFFER.support.schoolInTrustSupport).toMatch(/through its trust/);
  });

  it('funds a trust partnership with £10,000 in two payments of £5,000, for about 12 months', () => {
    const partnership = DEFAULT_OFFER.enhancedStrand.trustPartnership;
    expect(partnership.grantPounds).toBe(10_000);
    expect(partnership.payments.map((payment) => payment.amountPounds)).toEqual([5_000, 5_000]);
    expect(partnership.payments[0]?.when).toMatch(/SLA/);
    expect(partnership.payments[1]?.when).toMatch(/report/);
    expect(partnership.expectedMonths).toBe(12);
  });

  it('offers up to 5 additional days within one term or 12 weeks, decided within 5 working days, paid only if agreed', () => {
    const days = DEFAULT_OFFER.enhancedStrand.additionalDays;
    expect(days.maxDays).toBe(5);
    expect(days.deliveryWindow).toBe('within one academic term or 12 weeks');
    expect(days.decisionWorkingDays).toBe(5);
    expect(days.paymentRule).toMatch(/not formally agreed/);
  });

  it('the enhanced strand is one of the two, never both', () => {
    expect(DEFAULT_OFFER.enhancedStrand.summary).toMatch(/one \(never both\)/);
  });

  it('names an RDP lead for each of the 9 regions', () => {
    expect(Object.keys(DEFAULT_OFFER.rdpLeads).sort()).toEqual([...REGIONS].sort());
  });

  it('loads the same way under tsx as under vitest (JSON import attribute, NodeNext)', () => {
    const printed = execFileSync(
      `${root}node_modules/.bin/tsx`,
      ['--eval', "import('./domain/tsi/offer.ts').then((m) => console.log(m.DEFAULT_OFFER.year, m.DEFAULT_OFFER.rdpLeads.London.name))"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(printed.trim()).toBe('2023/24 Amanda Parry');
  });
});

describe("parseOffer: validating an administrator's offer file", () => {
  it("accepts next year's file (2024/25, 1 September 2024 to 31 August 2025)", () => {
    const next = edited((offer) => {
      offer.year = '2024/25';
      offer.startDate = '2024-09-01';
      offer.endDate = '2025-08-31';
    });
    const parsed = parseOffer(next);
    expect(parsed.ok && parsed.value.year).toBe('2024/25');
  });

  it.each([
    [
      'a region without an RDP lead',
      edited((offer) => delete offer.rdpLeads['North East']),
      /rdpLeads\.North East/,
    ],
    [
      'an RDP lead whose email is not an email address',
      edited((offer) => (offer.rdpLeads.London.email = 'amanda at hispmat')),
      /rdpLeads\.London\.email/,
    ],
    [
      'trust partnership payments that do not add up to the grant',
      edited((offer) => (offer.enhancedStrand.trustPartnership.payments[1].amountPounds = 4_000)),
      /payments must add up to the grant/,
    ],
    [
      'an offer year that does not start on 1 September',
      edited((offer) => (offer.startDate = '2023-09-04')),
      /starts on 2023-09-01/,
    ],
    [
      'an offer year that does not end on 31 August of the next year',
      edited((offer) => (offer.endDate = '2025-08-31')),
      /ends on 2024-08-31/,
    ],
    ['a year label that is not written like 2023/24', edited((offer) => (offer.year = '2023-24')), /written like 2023\/24/],
    ['a year label whose two years do not follow', edited((offer) => (offer.year = '2023/25')), /written 2023\/24/],
    ['an impossible start date', edited((offer) => (offer.startDate = '2023-09-31')), /startDate/],
    ['no file at all', null, /The offer file/],
  ])('refuses %s, saying where', (_rule, file, message) => {
    const parsed = parseOffer(file);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.join('\n')).toMatch(message);
  });
});
