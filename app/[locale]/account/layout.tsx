import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings this section's islands use: the account's forms and the review settings. */
export default islandStringsLayout(['review', 'account']);
