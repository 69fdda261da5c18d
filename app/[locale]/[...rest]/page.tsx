import { notFound } from 'next/navigation';

// Unknown paths under a locale get that locale's not-found page (not the bare root one).
export default function UnknownPath() {
  notFound();
}
