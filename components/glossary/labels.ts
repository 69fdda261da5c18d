import type { TFunction } from 'i18next';
import type { Domain, TermKind } from '@/lib/glossary/schema';
import type { TermSearchMatch } from '@/lib/glossary/types';

// Localized names of the glossary's fixed vocabularies. Every key is written out, so the locale test
// sees each one and the compiler checks that no kind, domain or gender is forgotten.

export function kindLabel(t: TFunction, kind: TermKind): string {
  switch (kind) {
    case 'noun':
      return t('glossary:kinds.noun');
    case 'verb':
      return t('glossary:kinds.verb');
    case 'adjective':
      return t('glossary:kinds.adjective');
    case 'phrase':
      return t('glossary:kinds.phrase');
    case 'idiom':
      return t('glossary:kinds.idiom');
  }
}

export function domainLabel(t: TFunction, domain: Domain): string {
  switch (domain) {
    case 'defence-industry':
      return t('glossary:domains.defenceIndustry');
    case 'arms-control':
      return t('glossary:domains.armsControl');
    case 'diplomacy':
      return t('glossary:domains.diplomacy');
    case 'sanctions':
      return t('glossary:domains.sanctions');
    case 'intelligence':
      return t('glossary:domains.intelligence');
    case 'geopolitics':
      return t('glossary:domains.geopolitics');
    case 'economy':
      return t('glossary:domains.economy');
    case 'military':
      return t('glossary:domains.military');
    case 'politics':
      return t('glossary:domains.politics');
    case 'cyber':
      return t('glossary:domains.cyber');
    case 'media':
      return t('glossary:domains.media');
  }
}

export function genderLabel(t: TFunction, gender: 'm' | 'f' | 'n'): string {
  switch (gender) {
    case 'm':
      return t('glossary:genders.m');
    case 'f':
      return t('glossary:genders.f');
    case 'n':
      return t('glossary:genders.n');
  }
}

export function matchLabel(t: TFunction, match: TermSearchMatch): string {
  switch (match) {
    case 'entry':
      return t('glossary:results.match.entry');
    case 'part':
      return t('glossary:results.match.part');
    case 'english':
      return t('glossary:results.match.english');
  }
}
