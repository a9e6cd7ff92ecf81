/**
 * The result of long work that ends on its own (a restore), shown at the top of the page, above
 * whatever page is open, so that it is seen wherever the user has scrolled or gone meanwhile.
 * `kind` picks the live region: `status` is announced politely, `error` as an alert.
 */
export type NoticeKind = 'status' | 'error';

export class PageNotice {
  text = $state('');
  details = $state<string[]>([]);
  kind = $state<NoticeKind>('status');
  /** Bumped on every show, so that the notice takes focus again even when the text repeats. */
  shown = $state(0);

  show(text: string, kind: NoticeKind = 'status', details: string[] = []): void {
    this.text = text;
    this.kind = kind;
    this.details = details;
    this.shown++;
  }

  clear(): void {
    this.text = '';
    this.details = [];
  }
}

export const pageNotice = new PageNotice();
