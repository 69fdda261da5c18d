import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings the term editor uses. */
export default islandStringsLayout(['glossary', 'glossaryEditor']);
