import deAccount from '@/locales/de/account.json';
import deAdmin from '@/locales/de/admin.json';
import deClassroom from '@/locales/de/classroom.json';
import deCommon from '@/locales/de/common.json';
import deErrors from '@/locales/de/errors.json';
import deGlossary from '@/locales/de/glossary.json';
import deGlossaryEditor from '@/locales/de/glossary-editor.json';
import deLibrary from '@/locales/de/library.json';
import deReader from '@/locales/de/reader.json';
import deReview from '@/locales/de/review.json';
import deTeach from '@/locales/de/teach.json';
import deVocabulary from '@/locales/de/vocabulary.json';
import enAccount from '@/locales/en/account.json';
import enAdmin from '@/locales/en/admin.json';
import enClassroom from '@/locales/en/classroom.json';
import enCommon from '@/locales/en/common.json';
import enErrors from '@/locales/en/errors.json';
import enGlossary from '@/locales/en/glossary.json';
import enGlossaryEditor from '@/locales/en/glossary-editor.json';
import enLibrary from '@/locales/en/library.json';
import enReader from '@/locales/en/reader.json';
import enReview from '@/locales/en/review.json';
import enTeach from '@/locales/en/teach.json';
import enVocabulary from '@/locales/en/vocabulary.json';
import type { Locale, Namespace } from './settings';

type Messages = { [key: string]: string | Messages };

export const resources: Record<Locale, Record<Namespace, Messages>> = {
  en: {
    common: enCommon,
    library: enLibrary,
    reader: enReader,
    glossary: enGlossary,
    glossaryEditor: enGlossaryEditor,
    account: enAccount,
    vocabulary: enVocabulary,
    review: enReview,
    teach: enTeach,
    classroom: enClassroom,
    admin: enAdmin,
    errors: enErrors,
  },
  de: {
    common: deCommon,
    library: deLibrary,
    reader: deReader,
    glossary: deGlossary,
    glossaryEditor: deGlossaryEditor,
    account: deAccount,
    vocabulary: deVocabulary,
    review: deReview,
    teach: deTeach,
    classroom: deClassroom,
    admin: deAdmin,
    errors: deErrors,
  },
};
