import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings this section's islands use. */
export default islandStringsLayout(['teach', 'reader', 'glossary', 'proposals']);
