/**
 * Names of customers, co-workers and projects by their number, for lists that show a name beside
 * each number (the registers are small; the lists' records carry only the numbers). Live: a
 * renamed customer shows its new name without a reload, in this tab or another.
 * Construct it during component initialisation (it uses `$effect` through `Live`).
 */
import { db } from '../app-db.ts';
import { t } from '../messages.ts';
import { Live } from './live.svelte.ts';

type Names = ReadonlyMap<string, string>;

function label(names: Names, number: string): string {
  const name = names.get(number);
  return number && name ? t('common.numberName', { number, name }) : number;
}

export class RegisterNames {
  #customers = new Live<Names>(
    async () => new Map((await db.customers.toArray()).map((c) => [c.number, c.name])),
    new Map(),
  );
  #users = new Live<Names>(
    async () => new Map((await db.users.toArray()).map((u) => [u.employeeNumber, u.name])),
    new Map(),
  );
  #projects = new Live<Names>(
    async () => new Map((await db.projects.toArray()).map((p) => [p.number, p.name])),
    new Map(),
  );

  /** `20026 Kvitfjell Blomster AS`; the number alone when no customer has it. */
  customer(number: string): string {
    return label(this.#customers.value, number);
  }

  /** A co-worker by employee number. */
  user(number: string): string {
    return label(this.#users.value, number);
  }

  project(number: string): string {
    return label(this.#projects.value, number);
  }
}
