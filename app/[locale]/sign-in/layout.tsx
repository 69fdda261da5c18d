import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings this page's form uses (every page ships only the account menu's part: SHARED_PARTS). */
export default islandStringsLayout(['account']);
