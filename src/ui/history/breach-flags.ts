import type { BreachFlags } from '../../core/breach';

export interface FlagNote {
  flag: keyof BreachFlags;
  label: string;
  text: string;
}

/** What each warning flag of a breach means, in plain words; only the flags that apply. */
export function flagNotes(flags: BreachFlags): FlagNote[] {
  const notes: FlagNote[] = [];
  if (!flags.verified) {
    notes.push({ flag: 'verified', label: 'Unverified', text: 'The provider could not confirm that this breach really happened or that the data came from this site. Treat it with some caution.' });
  }
  if (flags.fabricated) {
    notes.push({ flag: 'fabricated', label: 'Fabricated', text: 'The data is believed to be made up, at least in part. Your address may be in it without you ever having used the site.' });
  }
  if (flags.sensitive) {
    notes.push({ flag: 'sensitive', label: 'Sensitive', text: 'Being in this breach could itself reveal something private about you, such as the use of an adult or dating site. The provider hides it from public searches.' });
  }
  if (flags.spamList) {
    notes.push({ flag: 'spamList', label: 'Spam list', text: 'This is a list of addresses collected for sending spam. It usually holds no passwords; expect more junk mail and phishing.' });
  }
  if (flags.malware) {
    notes.push({ flag: 'malware', label: 'Malware', text: 'The data was collected by malicious software, for example from a botnet, rather than stolen from one site.' });
  }
  if (flags.stealerLog) {
    notes.push({ flag: 'stealerLog', label: 'Stealer log', text: 'The data comes from "info-stealer" malware that copied saved passwords and cookies from an infected computer. If it could have been yours, scan your devices and change passwords saved in your browser.' });
  }
  if (flags.retired) {
    notes.push({ flag: 'retired', label: 'Retired', text: 'The provider no longer lists this breach in searches, for example because the data was removed at the owner\'s request.' });
  }
  return notes;
}
