import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page has its own title (WCAG 2.4.2), in the page's language. */
export function useDocumentTitle(title: string | null): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${product}` : product;
  }, [title, product]);
}
