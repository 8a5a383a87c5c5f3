import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubRole } from '../../../common/schemas/children.ts';
import { defaultTopics, type DefaultTopic, type MemberRef, type Topic } from '../../../common/schemas/hub.ts';

/**
 * Languages offered in the child form, the children's common languages first.
 * Any ISO 639 code the server accepts still displays; this is only the menu.
 */
export const commonLanguages = [
  'prs',
  'fa',
  'ps',
  'ar',
  'so',
  'ti',
  'am',
  'ku',
  'uz',
  'ur',
  'fr',
  'ru',
  'uk',
  'en',
  'sv',
] as const;

/** A language code in the reader's language ("prs" → "dari"); the code itself when the browser has no name. */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

const isDefaultTopic = (key: string): key is DefaultTopic => (defaultTopics as readonly string[]).includes(key);

/** A topic's name: the guide's topics are translated here, a municipality's own carry their labels. */
export function useTopicName(): (topic: Topic | string) => string {
  const { t, i18n } = useTranslation();
  return (topic) => {
    const key = typeof topic === 'string' ? topic : topic.key;
    if (isDefaultTopic(key)) return t(`hub.topicName.${key}`);
    if (typeof topic !== 'string' && topic.label) return i18n.language === 'en' ? topic.label.en : topic.label.sv;
    return t('hub.topics.otherTopic');
  };
}

/** Initials in a circle: the face of a member until photos exist. Decorative; the name is always beside it. */
export function Initials({ initials }: { initials: string }) {
  return (
    <span className="hub-initials" aria-hidden="true">
      {initials}
    </span>
  );
}

/** "Karin Berg (kontaktperson)". */
export function MemberName({ member }: { member: Pick<MemberRef, 'displayName' | 'hubRole'> | null }) {
  const { t } = useTranslation();
  if (!member) return <>{t('hub.nobody')}</>;
  return (
    <>
      {member.displayName} <span className="hub-muted">({t(`hubRole.${member.hubRole}`)})</span>
    </>
  );
}

/** Marks one of the guide's core three in words and a symbol, not colour alone. */
export function CoreBadge() {
  const { t } = useTranslation();
  return (
    <span className="hub-badge">
      <span aria-hidden="true">★ </span>
      {t('hub.members.core')}
    </span>
  );
}

/** A warning line: an icon for the eye, the words for everyone. */
export function Warning({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="hub-warning">
      <span className="hub-warning__icon" aria-hidden="true">
        ⚠
      </span>
      <span>
        <span className="visually-hidden">{t('notice.warning')}: </span>
        {children}
      </span>
    </p>
  );
}

/** Hub roles in the order the guide names them, for selects. */
export function useHubRoleOptions(roles: readonly HubRole[]): { value: string; label: string }[] {
  const { t } = useTranslation();
  return roles.map((r) => ({ value: r, label: t(`hubRole.${r}`) }));
}
