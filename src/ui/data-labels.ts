import { dataClassLabel } from '../core/data-class-label';
import { t } from './i18n';

/** A data class as the reader says it: the label in the page's language, else the provider's words. */
export const classLabel = (name: string) => dataClassLabel(name, t);

/** A list of data classes for one line of text, each once, in the page's language. */
export const classList = (names: readonly string[]) => [...new Set(names.map(classLabel))].join(', ');
