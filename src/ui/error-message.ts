/** What the page shows for a caught error: its message, or the thrown value as text (workers may throw strings). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
