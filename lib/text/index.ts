// The public surface of the German language engine: app code, scripts and tests import from here.
export { countWords } from './words';
