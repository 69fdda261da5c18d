/** The German definite article of a noun's gender ("die Werkzeugmaschine"). */
export function germanArticle(gender: 'm' | 'f' | 'n' | null): string | null {
  return gender === 'm' ? 'der' : gender === 'f' ? 'die' : gender === 'n' ? 'das' : null;
}
