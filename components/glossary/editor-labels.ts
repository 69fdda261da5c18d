import type { TFunction } from 'i18next';
import type { TermSnapshot } from '@/lib/glossary/entry';
import type { RevisionAction, TermStatus } from '@/lib/glossary/schema';

// Localized names of what the glossary editor shows: states, revision actions and an entry's fields.
// Every key is written out, so the locale test sees each one and the compiler checks that none is missing.

export function statusLabel(t: TFunction, status: TermStatus): string {
  return {
    proposed: t('glossaryEditor:status.proposed'),
    approved: t('glossaryEditor:status.approved'),
    rejected: t('glossaryEditor:status.rejected'),
    retired: t('glossaryEditor:status.retired'),
  }[status];
}

export function revisionActionLabel(t: TFunction, action: RevisionAction): string {
  return {
    seeded: t('glossaryEditor:history.actions.seeded'),
    proposed: t('glossaryEditor:history.actions.proposed'),
    created: t('glossaryEditor:history.actions.created'),
    edited: t('glossaryEditor:history.actions.edited'),
    approved: t('glossaryEditor:history.actions.approved'),
    rejected: t('glossaryEditor:history.actions.rejected'),
    retired: t('glossaryEditor:history.actions.retired'),
    restored: t('glossaryEditor:history.actions.restored'),
  }[action];
}

export function fieldLabel(t: TFunction, field: keyof TermSnapshot): string {
  return {
    lemma: t('glossaryEditor:fields.lemma'),
    kind: t('glossaryEditor:fields.kind'),
    gender: t('glossaryEditor:fields.gender'),
    plural: t('glossaryEditor:fields.plural'),
    genitive: t('glossaryEditor:fields.genitive'),
    separable: t('glossaryEditor:fields.separable'),
    english: t('glossaryEditor:fields.english'),
    definitionEn: t('glossaryEditor:fields.definitionEn'),
    definitionDe: t('glossaryEditor:fields.definitionDe'),
    usageNote: t('glossaryEditor:fields.usageNote'),
    domains: t('glossaryEditor:fields.domains'),
    related: t('glossaryEditor:fields.related'),
    variants: t('glossaryEditor:fields.variants'),
    source: t('glossaryEditor:fields.source'),
    sourceUrl: t('glossaryEditor:fields.sourceUrl'),
    grammarOverride: t('glossaryEditor:fields.grammarOverride'),
    status: t('glossaryEditor:fields.status'),
    rejectionReason: t('glossaryEditor:fields.rejectionReason'),
  }[field];
}
