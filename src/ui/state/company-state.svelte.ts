/** Whether a company is loaded, and its name, for the shell and the start page. */
import { liveQuery } from 'dexie';
import { db } from '../app-db.ts';
import type { Company } from '../../core/domain/types.ts';

export class CompanyState {
  /** null until the first read. */
  company = $state<Company | null | undefined>(undefined);

  constructor() {
    $effect.root(() => {
      const subscription = liveQuery(() => db.company.get('company')).subscribe({
        next: (row) => (this.company = row ?? null),
        error: () => (this.company = null),
      });
      return () => subscription.unsubscribe();
    });
  }

  get loaded(): boolean {
    return this.company !== undefined;
  }
}

export const companyState = new CompanyState();
