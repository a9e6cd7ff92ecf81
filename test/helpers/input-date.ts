/** How a date input shows an ISO date in the English UI (src/ui/format.ts `inputDate`, en-GB: `06/12/2026`). */
export function englishInputDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
