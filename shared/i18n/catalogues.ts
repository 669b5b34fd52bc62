/** Every language's catalogue, by language: the renderer's i18next and the main process's notices read the same ones. */
import { en } from './en';
import { fr } from './fr';
import type { Language } from './language-logic';
import { ru } from './ru';
import type { Catalogue } from './types';

export const catalogues: Readonly<Record<Language, Catalogue>> = { en, fr, ru };
