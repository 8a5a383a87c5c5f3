import 'i18next';
import type auditAction from '../common/i18n/areas/auditAction.sv.json';
import type besked from '../common/i18n/areas/besked.sv.json';
import type childForm from '../common/i18n/areas/childForm.sv.json';
import type childPage from '../common/i18n/areas/childPage.sv.json';
import type childvoice from '../common/i18n/areas/childvoice.sv.json';
import type collaborationSetup from '../common/i18n/areas/collaborationSetup.sv.json';
import type competence from '../common/i18n/areas/competence.sv.json';
import type consent from '../common/i18n/areas/consent.sv.json';
import type deniedAccess from '../common/i18n/areas/deniedAccess.sv.json';
import type everyday from '../common/i18n/areas/everyday.sv.json';
import type followup from '../common/i18n/areas/followup.sv.json';
import type grants from '../common/i18n/areas/grants.sv.json';
import type identity from '../common/i18n/areas/identity.sv.json';
import type levels from '../common/i18n/areas/levels.sv.json';
import type loginThrottle from '../common/i18n/areas/loginThrottle.sv.json';
import type noticeSettings from '../common/i18n/areas/noticeSettings.sv.json';
import type processmaps from '../common/i18n/areas/processmaps.sv.json';
import type records from '../common/i18n/areas/records.sv.json';
import type retention from '../common/i18n/areas/retention.sv.json';
import type review from '../common/i18n/areas/review.sv.json';
import type tenantTopics from '../common/i18n/areas/tenantTopics.sv.json';
import type sv from '../common/i18n/sv.json';

// Typed keys: a t('…') call with a key missing from sv.json or an area's file fails the type
// check. An area's texts load with its pages (app/i18nAreas.ts); add its file here.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof sv &
        typeof auditAction &
        typeof besked &
        typeof childForm &
        typeof childPage &
        typeof childvoice &
        typeof collaborationSetup &
        typeof competence &
        typeof consent &
        typeof deniedAccess &
        typeof everyday &
        typeof followup &
        typeof grants &
        typeof identity &
        typeof levels &
        typeof loginThrottle &
        typeof noticeSettings &
        typeof processmaps &
        typeof records &
        typeof retention &
        typeof review &
        typeof tenantTopics;
    };
  }
}
