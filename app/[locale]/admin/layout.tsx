import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings the admin pages' islands use (the confirm button's are classroom's, the editor list's glossaryEditor's). */
export default islandStringsLayout(['admin', 'classroom', 'glossaryEditor']);
