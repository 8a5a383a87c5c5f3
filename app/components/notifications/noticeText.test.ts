import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../common/i18n/en.json';
import sv from '../../../common/i18n/sv.json';
import type { Notification } from '../../../common/schemas/notifications.ts';
import { noticeText } from './noticeText.ts';

async function translator(lng: 'sv' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { sv: { translation: sv }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return { t: i18n.t as TFunction, exists: (k: string) => i18n.exists(k) };
}

const notice = (kind: string, params: Record<string, unknown>, childName: string | null = 'Amir'): Notification =>
  ({ kind, params, childName }) as unknown as Notification;

const startsAt = '2026-12-01T08:00:00.000Z';
/** Every kind the meetings, decisions and plans send, with the parameters they send. */
const kinds: [string, Record<string, unknown>][] = [
  ['meeting.invited', { meetingKind: 'hub', startsAt }],
  ['meeting.changed', { meetingKind: 'sip', startsAt }],
  ['meeting.cancelled', { meetingKind: 'first_hub', startsAt }],
  ['decision.overdue', { dueOn: '2026-11-20' }],
  ['question.overdue', { dueOn: '2026-11-20' }],
  ['plan.summons', { planKind: 'isip', startsAt }],
  ['plan.invitation', { planKind: 'sip', startsAt }],
  ['plan.follow_up_soon', { planKind: 'isip', followUpOn: '2026-11-30' }],
  ['plan.follow_up_due', { planKind: 'isip', followUpOn: '2026-11-23' }],
];

describe('noticeText', () => {
  it('says each meeting, decision and plan notice in its own words, in Swedish and English', async () => {
    for (const lng of ['sv', 'en'] as const) {
      const { t, exists } = await translator(lng);
      const generic = noticeText(
        t,
        exists,
        notice('unknown.kind', {}),
        (d) => d,
        (d) => d,
      );
      const seen = new Set<string>();
      for (const [kind, params] of kinds) {
        const said = noticeText(
          t,
          exists,
          notice(kind, params),
          (d) => `D(${d})`,
          (d) => `T(${d})`,
        );
        expect(said, `${lng} ${kind}`).not.toBe(generic);
        expect(said, `${lng} ${kind}`).not.toMatch(/\{\{|notices\.|undefined/);
        expect(said, `${lng} ${kind}`).toContain('Amir');
        if ('startsAt' in params) expect(said).toContain(`T(${startsAt})`);
        if ('dueOn' in params || kind === 'plan.follow_up_soon') expect(said).toMatch(/D\(2026-11-\d\d\)/);
        seen.add(said);
      }
      expect(seen.size, 'no two kinds read the same').toBe(kinds.length);
    }
  });

  it('leaves out the child for a forum meeting without one, without stray spaces or commas', async () => {
    const { t, exists } = await translator('sv');
    const said = noticeText(
      t,
      exists,
      notice('meeting.invited', { meetingKind: 'operational_forum', startsAt }, null),
      (d) => d,
      () => '1 dec. 2026 09:00',
    );
    expect(said).toBe('Inbjudan: Verksamhetsforum, 1 dec. 2026 09:00');
  });
});
