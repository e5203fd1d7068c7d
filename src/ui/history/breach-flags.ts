import type { BreachFlags } from '../../core/breach';
import { t } from '../i18n';

export interface FlagNote {
  flag: keyof BreachFlags;
  label: string;
  text: string;
}

/** What each warning flag of a breach means, in plain words; only the flags that apply. */
export function flagNotes(flags: BreachFlags): FlagNote[] {
  const notes: FlagNote[] = [];
  if (!flags.verified) {
    notes.push({ flag: 'verified', label: t('flagUnverified'), text: t('flagUnverifiedText') });
  }
  if (flags.fabricated) {
    notes.push({ flag: 'fabricated', label: t('flagFabricated'), text: t('flagFabricatedText') });
  }
  if (flags.sensitive) {
    notes.push({ flag: 'sensitive', label: t('flagSensitive'), text: t('flagSensitiveText') });
  }
  if (flags.spamList) {
    notes.push({ flag: 'spamList', label: t('flagSpamList'), text: t('flagSpamListText') });
  }
  if (flags.malware) {
    notes.push({ flag: 'malware', label: t('flagMalware'), text: t('flagMalwareText') });
  }
  if (flags.stealerLog) {
    notes.push({ flag: 'stealerLog', label: t('flagStealerLog'), text: t('flagStealerLogText') });
  }
  if (flags.retired) {
    notes.push({ flag: 'retired', label: t('flagRetired'), text: t('flagRetiredText') });
  }
  return notes;
}
