import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import type { HubMember, TopicAssignment } from '../../../common/schemas/hub.ts';
import { useAssignTopic, useHub, useTopicMatrix } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { SelectField } from '../Field.tsx';
import { Loading } from '../Notice.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { sectionIds } from './sections.ts';
import { MemberName, Warning, useTopicName } from './values.tsx';

/** Who the child asks about what: one responsible member per topic, and who stands in for them. */
export function TopicMatrix({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const matrix = useTopicMatrix(child.id);
  const hub = useHub(child.id);
  const [saved, setSaved] = useState<string | null>(null);
  const members = hub.data?.view === 'full' ? hub.data.members : [];
  const data = matrix.data;

  return (
    <section className="panel hub-section" id={sectionIds.topics} aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t('hub.topics.title')}</h2>
      <p className="hub-muted">{t('hub.topics.intro')}</p>
      <HubErrorRegion error={matrix.error} />
      <SavedRegion message={saved} />
      {matrix.isPending ? <Loading /> : null}
      {data && data.unassignedCount > 0 ? (
        <Warning>{t('hub.flags.topicsWithoutResponsible', { count: data.unassignedCount })}</Warning>
      ) : null}
      {data ? (
        <ul className="hub-topic-list">
          {data.items.map((row) => (
            <TopicRow
              key={row.topic.key}
              childId={child.id}
              row={row}
              members={members}
              canManage={data.abilities.manage && members.length > 0}
              onSaved={setSaved}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface TopicRowProps {
  childId: string;
  row: TopicAssignment;
  members: HubMember[];
  canManage: boolean;
  onSaved: (message: string) => void;
}

function TopicRow({ childId, row, members, canManage, onSaved }: TopicRowProps) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const name = topicName(row.topic);
  const [editing, setEditing] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const editorId = `topic-editor-${row.topic.key}`;
  return (
    <li className="hub-topic">
      <h3 className="hub-topic__name">{name}</h3>
      <dl className="facts">
        <div>
          <dt>{t('hub.topics.responsible')}</dt>
          <dd>
            {row.responsible ? (
              <MemberName member={row.responsible} />
            ) : (
              <span className="hub-warning-text">
                <span aria-hidden="true">⚠ </span>
                {t('hub.topics.nobodyResponsible')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('hub.topics.fallback')}</dt>
          <dd>
            <MemberName member={row.fallback} />
          </dd>
        </div>
        {row.shareableWithCivilSociety ? (
          <div>
            <dt>{t('hub.topics.shared')}</dt>
            <dd>{t('hub.topics.sharedYes')}</dd>
          </div>
        ) : null}
      </dl>
      {canManage ? (
        <button
          ref={toggleRef}
          type="button"
          className="button button--quiet"
          aria-expanded={editing}
          aria-controls={editorId}
          onClick={() => setEditing(!editing)}
        >
          {editing ? t('hub.topics.closeEditor') : t('hub.topics.change')}
          <span className="visually-hidden"> {name}</span>
        </button>
      ) : null}
      <div id={editorId}>
        {editing ? (
          <TopicEditor
            childId={childId}
            row={row}
            name={name}
            members={members}
            onDone={(message) => {
              setEditing(false);
              // The form (and the focused button in it) is gone: back to the button that opened it.
              toggleRef.current?.focus();
              if (message) onSaved(message);
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

interface TopicEditorProps {
  childId: string;
  row: TopicAssignment;
  name: string;
  members: HubMember[];
  onDone: (message: string | null) => void;
}

function TopicEditor({ childId, row, name, members, onDone }: TopicEditorProps) {
  const { t } = useTranslation();
  const assign = useAssignTopic(childId);
  const [responsible, setResponsible] = useState(row.responsible?.memberId ?? '');
  const [fallback, setFallback] = useState(row.fallback?.memberId ?? '');
  const [shareable, setShareable] = useState(row.shareableWithCivilSociety);
  const options = members.map((m) => ({
    value: m.memberId,
    label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})`,
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate(
      {
        topic: row.topic.key,
        body: {
          responsibleMemberId: responsible || null,
          fallbackMemberId: (responsible && fallback !== responsible && fallback) || null,
          shareableWithCivilSociety: shareable,
        },
      },
      { onSuccess: () => onDone(t('hub.topics.saved', { topic: name })) },
    );
  };

  return (
    <form className="form hub-form hub-form--inline" onSubmit={submit} noValidate>
      <HubErrorRegion error={assign.error} />
      <SelectField
        label={t('hub.topics.responsibleFor', { topic: name })}
        value={responsible}
        onChange={setResponsible}
        options={[{ value: '', label: t('hub.nobody') }, ...options]}
        error={fieldIssue(assign.error, 'responsibleMemberId') ? t('hub.topics.errors.responsible') : null}
      />
      <SelectField
        label={t('hub.topics.fallbackFor', { topic: name })}
        hint={t('hub.topics.fallbackHint')}
        value={fallback}
        onChange={setFallback}
        options={[{ value: '', label: t('hub.nobody') }, ...options.filter((o) => o.value !== responsible)]}
        error={fieldIssue(assign.error, 'fallbackMemberId') ? t('hub.topics.errors.fallback') : null}
      />
      <label className="checkbox">
        <input type="checkbox" checked={shareable} onChange={(e) => setShareable(e.target.checked)} />
        {t('hub.topics.shareable')}
      </label>
      <div className="hub-actions">
        <button type="submit" className="button" disabled={assign.isPending}>
          {assign.isPending ? t('hub.saving') : t('hub.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
