import { useId } from 'react';
import { Icon } from './Icon.tsx';
import { childLanguages, htmlLang, metaOf, type ChildLanguage, type ChildT } from './childText.ts';

interface LanguagePickerProps {
  t: ChildT;
  value: ChildLanguage;
  onChange: (lang: ChildLanguage) => void;
}

/** Each language under its own name, in its own script, so a child finds theirs whatever the page is in. */
export function LanguagePicker({ t, value, onChange }: LanguagePickerProps) {
  const id = useId();
  return (
    <div className="cv-language">
      <label htmlFor={id} className="cv-language__label">
        <Icon name="globe" />
        {t('language.label')}
      </label>
      <select
        id={id}
        className="cv-language__select"
        value={value}
        onChange={(e) => {
          const next = childLanguages.find((l) => l === e.target.value);
          if (next) onChange(next);
        }}
      >
        {childLanguages.map((l) => (
          <option key={l} value={l} lang={htmlLang(l)}>
            {metaOf(l).nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
