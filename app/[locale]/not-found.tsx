import { LocalizedNotFound } from '@/components/layout/localized-not-found.client';

export default function LocaleNotFound() {
  return <LocalizedNotFound />;
}
