import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../../../domain/attendance/programme.js';
import { validateAttendanceLog } from '../../../domain/attendance/record.js';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { mixedRun, punctuationRun } from '../../support/hostileText.js';
import { completeNomination, CONTEXT } from '../nomination/fixtures.js';

const NOW = new Date('2022-02-11T15:00:00Z');

/** Objects shaped like the real input, with each field anything at all, and anything else besides. */
const hostileLog = fc.oneof(
  fc.anything(),
  fc.record(
    {
      sessionId: fc.oneof(fc.constantFrom('T1', 'W2', 'T3', 'IT', 'X'), fc.anything()),
      urn: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.anything()),
      attendeeName: fc.oneof(fc.string({ unit: 'binary' }), punctuationRun(1_000, 20_000), mixedRun(1_000, 20_000), fc.anything()),
      attendeeRole: fc.oneof(fc.string({ unit: 'binary' }), punctuationRun(1_000, 20_000), mixedRun(1_000, 20_000), fc.anything()),
      status: fc.oneof(fc.constantFrom('present', 'apologies', 'absent'), fc.anything()),
      loggedBy: fc.oneof(fc.record({ aadObjectId: fc.string(), name: fc.string({ unit: 'binary' }) }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

const hostileEdit = fc.oneof(
  fc.anything(),
  fc.record(
    {
      kind: fc.oneof(
        fc.constantFrom('set_school', 'set_champion_name', 'set_champion_role', 'set_champion_role_note', 'set_not_inadequate', 'set_newer_inspection', 'set_stable_slt', 'set_gap_evidence'),
        fc.anything(),
      ),
      choice: fc.oneof(fc.constantFrom('first', 'second'), fc.anything()),
      forUrn: fc.oneof(fc.constantFrom('100001', '100002'), fc.anything()),
      urn: fc.oneof(fc.constantFrom('100001', '100002', '100003', '100004', null), fc.anything()),
      name: fc.oneof(fc.string({ unit: 'binary' }), fc.anything()),
      role: fc.oneof(fc.constantFrom('pupil_premium_lead', 'slt', 'other'), fc.anything()),
      note: fc.anything(),
      confirmed: fc.anything(),
      stableSlt: fc.anything(),
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 1200 }), fc.anything()),
      inspection: fc.oneof(fc.record({ date: fc.oneof(fc.constant('2021-06-01'), fc.string()), grade: fc.anything() }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

describe('hostile input', () => {
  it('validateAttendanceLog never throws, and accepts only what it stamps', () => {
    fc.assert(
      fc.property(hostileLog, (input) => {
        const result = validateAttendanceLog(input, { programme: DEFAULT_PROGRAMME, now: NOW });
        if (result.ok) expect(result.value.loggedAt).toBe(NOW.toISOString());
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('applyEdit never throws, and always answers with a nomination or a reason', () => {
    const base = completeNomination();
    fc.assert(
      fc.property(hostileEdit, (edit) => {
        const result = applyEdit(base, edit, CONTEXT);
        if (result.ok) expect(result.value.groupId).toBe(base.groupId);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
