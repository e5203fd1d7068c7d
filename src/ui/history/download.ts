/** Today in local time as YYYY-MM-DD: a file name sorts by date, whatever the language. */
function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** was-i-exposed-YYYY-MM-DD.json / .csv, dated today (local time). */
export const exportFileName = (extension: 'json' | 'csv', now: Date = new Date()) => `was-i-exposed-${localIsoDate(now)}.${extension}`;

/** Saves `text` as a file through a Blob and a temporary <a download>; nothing leaves the browser. */
export function downloadText(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; give slow disks time before the data is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
