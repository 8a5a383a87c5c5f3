import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import type { HubMember, HubMemberNarrow } from '../../../common/schemas/hub.ts';
import { useHub } from '../../api/hub.ts';
import { MissingCoreRoles } from '../ChildValues.tsx';
import { useFormatDate, useFormatDateTime } from '../format.ts';
import { Loading, Notice } from '../Notice.tsx';
import { Reveal } from '../Reveal.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { EndMemberDialog } from './EndMemberDialog.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { sectionIds } from './sections.ts';
import { CoreBadge, Initials } from './values.tsx';

/** The adults around the child: who they are, for whom they work, since when; add and end memberships. */
export function HubMembers({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const hub = useHub(child.id);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = hub.data;
  const activeUserIds = data?.view === 'full' ? data.members.map((m) => m.userId) : [];

  const announce = (message: string) => {
    setSaved(message);
    // The button that opened the dialog is gone with the member: give focus a place to land.
    headingRef.current?.focus();
  };

  return (
    <section className="panel hub-section" id={sectionIds.hub} aria-labelledby="hub-heading">
      <h2 id="hub-heading" ref={headingRef} tabIndex={-1}>
        {t('hub.members.title')}
      </h2>
      <HubErrorRegion error={hub.error} />
      <SavedRegion message={saved} />
      {hub.isPending ? <Loading /> : null}
      {data?.view === 'full' ? (
        <>
          {data.missingCoreRoles.length > 0 ? (
            <>
              <MissingCoreRoles roles={data.missingCoreRoles} />
              <p>{t('child.coreRolesMissingHint')}</p>
            </>
          ) : (
            <Notice kind="success">
              <p>{t('child.coreRolesComplete')}</p>
            </Notice>
          )}
          <ul className="hub-member-list">
            {data.members.map((m) => (
              <li key={m.memberId} className="hub-member">
                <MemberCard member={m} />
                {m.abilities.end ? (
                  <EndMemberDialog childId={child.id} member={m} memberUserIds={activeUserIds} onEnded={announce} />
                ) : null}
              </li>
            ))}
          </ul>
          {data.former.length > 0 ? (
            <details className="hub-former">
              <summary>{t('hub.members.former', { count: data.former.length })}</summary>
              <ul className="hub-member-list">
                {data.former.map((m) => (
                  <li key={m.memberId} className="hub-member hub-member--former">
                    <MemberCard member={m} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {data.abilities.addMember ? (
            <Reveal label={t('hub.members.addTitle')}>
              <AddMemberForm
                childId={child.id}
                memberUserIds={activeUserIds}
                onAdded={(name) => setSaved(t('hub.members.added', { name }))}
              />
            </Reveal>
          ) : null}
        </>
      ) : null}
      {data?.view === 'narrow' ? (
        <ul className="hub-member-list">
          {data.members.map((m) => (
            <li key={m.memberId} className="hub-member">
              <NarrowCard member={m} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MemberCard({ member: m }: { member: HubMember }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const endsLater = m.active && m.endedAt;
  return (
    <div className="hub-member__card">
      <Initials initials={m.initials} />
      <div>
        <h3 className="hub-member__name">{m.displayName}</h3>
        <p className="hub-member__role">
          {t(`hubRole.${m.hubRole}`)} {m.isCore ? <CoreBadge /> : null}
        </p>
        <dl className="facts">
          <div>
            <dt>{t('hub.members.organisation')}</dt>
            <dd>{m.organisation.name}</dd>
          </div>
          <div>
            <dt>{t('hub.members.since')}</dt>
            <dd>{formatDate(m.startsOn)}</dd>
          </div>
          {m.endedAt ? (
            <div>
              <dt>{endsLater ? t('hub.members.ends') : t('hub.members.ended')}</dt>
              <dd>{formatDateTime(m.endedAt)}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

function NarrowCard({ member: m }: { member: HubMemberNarrow }) {
  const { t } = useTranslation();
  return (
    <div className="hub-member__card">
      <Initials initials={m.initials} />
      <div>
        <h3 className="hub-member__name">{m.displayName}</h3>
        <p className="hub-member__role">{t(`hubRole.${m.hubRole}`)}</p>
        <p>{m.organisationName}</p>
      </div>
    </div>
  );
}
