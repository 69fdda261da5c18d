import { islandStringsLayout } from '@/components/i18n/island-strings';

/** The UI strings this section's islands use: of My words' strings, only what the reader's cards show. */
export default islandStringsLayout(['reader', 'vocabulary'], { vocabulary: ['reader', 'status', 'errors'] });
