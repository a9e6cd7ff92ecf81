/**
 * The UI language: the one chosen in Settings (kept in this browser's localStorage), else the
 * browser's (navigator.languages). The nb and sv catalogues are loaded on demand so that English
 * users do not download them. The app re-renders under `{#key localeState.locale}` when it
 * changes, so `t()` stays a plain function and the switch needs no reload.
 */
import { LOCALES, addCatalogue, localeFor, setLocale, type Locale, type Messages } from '../messages.ts';
import { addDefinitionCatalogue, setDefinitionLocale, type DefinitionCatalogue } from './definition-text.ts';

const STORAGE_KEY = 'exportdesk.locale';

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  nb: () => import('./nb.ts').then((m) => m.nb),
  sv: () => import('./sv.ts').then((m) => m.sv),
};

/** The texts of core's definitions (formats' settings, template fields): a chunk of their own (./definition-text.ts). */
const DEFINITION_LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<DefinitionCatalogue>> = {
  nb: () => import('./definitions/nb.ts').then((m) => m.nbDefinitions),
  sv: () => import('./definitions/sv.ts').then((m) => m.svDefinitions),
};

export type LocaleChoice = Locale | 'auto';

function storedChoice(): LocaleChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored && (LOCALES as readonly string[]).includes(stored) ? (stored as Locale) : 'auto';
  } catch {
    return 'auto'; // Storage blocked (a privacy setting): the browser's language it is.
  }
}

function browserLocale(): Locale {
  return localeFor(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

class LocaleState {
  locale = $state<Locale>('en');
  choice = $state<LocaleChoice>('auto');

  /** Reads the stored choice and loads its catalogue; the app is mounted after this. */
  async init(): Promise<void> {
    await this.choose(storedChoice(), false);
  }

  async choose(choice: LocaleChoice, store = true): Promise<void> {
    const locale = choice === 'auto' ? browserLocale() : choice;
    if (locale !== 'en') {
      const [messages, definitions] = await Promise.all([LOADERS[locale](), DEFINITION_LOADERS[locale]()]);
      addCatalogue(locale, messages);
      addDefinitionCatalogue(locale, definitions);
    }
    setLocale(locale);
    setDefinitionLocale(locale);
    if (store) {
      try {
        if (choice === 'auto') localStorage.removeItem(STORAGE_KEY);
        else localStorage.setItem(STORAGE_KEY, choice);
      } catch {
        // Not kept across visits when storage is blocked; this visit still switches.
      }
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    this.choice = choice;
    this.locale = locale;
  }
}

export const localeState = new LocaleState();
