import { useEffect, useRef } from 'react';
import type { ChildViewAdult, ChildViewMe } from '../../../common/schemas/child-view.ts';
import { defaultTopics, type DefaultTopic, type Topic } from '../../../common/schemas/hub.ts';
import { htmlLang, type ChildLanguage, type ChildT } from './childText.ts';
import { Icon } from './Icon.tsx';
import { ChildVoice } from './ChildVoice.tsx';
import { Reach } from './Reach.tsx';

const isDefaultTopic = (key: string): key is DefaultTopic => (defaultTopics as readonly string[]).includes(key);

/**
 * A topic in the child's language. A municipality's own topics have Swedish
 * and English labels only: English for an English page, else the Swedish the
 * child hears from the adults, marked as Swedish for screen readers.
 */
function TopicText({ topic, t, lang }: { topic: Topic; t: ChildT; lang: ChildLanguage }) {
  if (isDefaultTopic(topic.key)) return <>{t(`topics.${topic.key}`)}</>;
  if (!topic.label) return null;
  if (lang === 'en') return <>{topic.label.en}</>;
  return <bdi lang="sv">{topic.label.sv}</bdi>;
}

interface ChildHomeProps {
  me: ChildViewMe;
  t: ChildT;
  lang: ChildLanguage;
  /** Move focus to the heading: the page has just replaced the code form. */
  focusOnShow: boolean;
}

/** The child's own page: who the adults are, what to ask whom, how to reach them, the next meetings. */
export function ChildHome({ me, t, lang, focusOnShow }: ChildHomeProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);
  const asked = me.adults.flatMap((adult) =>
    adult.topics.filter((x) => x.as === 'responsible').map((x) => ({ topic: x.topic, adult })),
  );
  const dateFormat = new Intl.DateTimeFormat(htmlLang(lang), { weekday: 'long', day: 'numeric', month: 'long' });
  const timeFormat = new Intl.DateTimeFormat(htmlLang(lang), { hour: '2-digit', minute: '2-digit' });

  return (
    <>
      <h1 className="cv-title" ref={headingRef} tabIndex={-1}>
        {t('page.greeting', { name: me.displayName })}
      </h1>
      <p className="cv-lead">{t('page.intro')}</p>
      <p className="cv-urgent">
        <Icon name="phone" /> <a href="tel:112">{t('page.urgent')}</a>
      </p>

      <section aria-labelledby="cv-adults" className="cv-section">
        <h2 id="cv-adults">{t('sections.myAdults')}</h2>
        <ul className="cv-cards">
          {me.adults.map((adult) => (
            <AdultCard key={adult.id} adult={adult} t={t} lang={lang} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="cv-ask" className="cv-section">
        <h2 id="cv-ask">{t('sections.whoToAsk')}</h2>
        <p>{t('whoToAsk.intro')}</p>
        {asked.length === 0 ? (
          <p>{t('whoToAsk.nobody')}</p>
        ) : (
          <ul className="cv-ask-list">
            {asked.map(({ topic, adult }) => (
              <li key={`${topic.key}-${adult.id}`}>
                <span className="cv-ask-list__topic">
                  <TopicText topic={topic} t={t} lang={lang} />
                </span>
                <span>
                  {t('whoToAsk.ask')}{' '}
                  <strong>
                    <bdi>{adult.displayName}</bdi>
                  </strong>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cv-reach" className="cv-section">
        <h2 id="cv-reach">{t('sections.howToReach')}</h2>
        <ul className="cv-cards">
          {me.adults.map((adult) => (
            <li key={adult.id} className="cv-card">
              <h3 className="cv-card__name">{adult.displayName}</h3>
              <Reach adult={adult} t={t} />
            </li>
          ))}
        </ul>
      </section>

      <ChildVoice me={me} t={t} lang={lang} />

      <section aria-labelledby="cv-meetings" className="cv-section">
        <h2 id="cv-meetings">{t('sections.nextMeetings')}</h2>
        {me.upcomingMeetings.length === 0 ? (
          <p className="cv-empty">{t('meetings.empty')}</p>
        ) : (
          <ul className="cv-cards">
            {me.upcomingMeetings.map((m) => {
              const at = new Date(m.startsAt);
              return (
                <li key={m.id} className="cv-card" data-testid="child-meeting">
                  <p>
                    <strong>{t('meetings.when')}</strong> <DayName at={at} t={t} format={dateFormat} />{' '}
                    {t('meetings.time', { time: timeFormat.format(at) })}
                  </p>
                  {m.place ? (
                    <p>
                      <strong>{t('meetings.where')}</strong> <bdi lang="sv">{m.place}</bdi>
                      {lang !== 'sv' ? <span className="cv-hint"> ({t('voice.writtenIn.sv')})</span> : null}
                    </p>
                  ) : null}
                  <p>{t(m.whole ? 'meetings.whole' : 'meetings.part')}</p>
                  {m.who.length > 0 ? (
                    <>
                      <p className="cv-strong">{t('meetings.with')}</p>
                      <ul className="cv-topics">
                        {m.who.map((p) => (
                          <li key={`${p.hubRole}-${p.firstName}`}>
                            <bdi>{p.firstName}</bdi> ({t(`roles.${p.hubRole}.title`)})
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

function DayName({ at, t, format }: { at: Date; t: ChildT; format: Intl.DateTimeFormat }) {
  const day = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const today = new Date();
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (day(at) === day(today)) return <>{t('meetings.today')}</>;
  if (day(at) === day(tomorrow)) return <>{t('meetings.tomorrow')}</>;
  return <>{format.format(at)}</>;
}

function AdultCard({ adult, t, lang }: { adult: ChildViewAdult; t: ChildT; lang: ChildLanguage }) {
  const topics = adult.topics.filter((x) => x.as === 'responsible');
  return (
    <li className="cv-card">
      <div className="cv-card__head">
        <span className="cv-initials" aria-hidden="true">
          {adult.initials}
        </span>
        <div>
          <h3 className="cv-card__name">{adult.displayName}</h3>
          <p className="cv-card__role">{t(`roles.${adult.hubRole}.title`)}</p>
        </div>
      </div>
      <p>{t(`roles.${adult.hubRole}.explanation`)}</p>
      {topics.length > 0 ? (
        <>
          <p className="cv-strong">{t('adult.askAbout', { name: adult.displayName })}</p>
          <ul className="cv-topics">
            {topics.map(({ topic }) => (
              <li key={topic.key}>
                <TopicText topic={topic} t={t} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
