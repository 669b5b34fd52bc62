/**
 * A To/Cc/Bcc field: recipients as chips, then an input for the next one.
 * A comma or semicolon, Enter or leaving the field turns the text into chips;
 * Backspace in the empty input takes the last chip back to edit it; the arrow
 * keys reach the chips, where Backspace or Delete removes one. An invalid chip
 * is marked and says why. While typing, addresses used before are offered in
 * a listbox (combobox pattern: the input keeps focus, aria-activedescendant
 * names the option the arrow keys are on, Enter or Tab takes it, Escape closes
 * the list without closing Compose).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useT } from '../../i18n/use-t';
import type { AddressFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { Icon } from '../icons/Icon';
import { suggest, suggestionEntry, type KnownAddress } from './address-book';
import { isLeavingForSubmit } from './blur';
import { chipInfo } from './chips-logic';
import { suggestionToTake } from './suggestion-choice';

interface Props {
  name: AddressFieldName;
  label: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Takes focus when Compose opens. */
  autoFocus?: boolean;
  /** Addresses used before, for suggestions. */
  book: readonly KnownAddress[];
}

export function AddressField({ name, label, required = false, inputRef, autoFocus = false, book }: Props) {
  const { t } = useT();
  const typed = useComposeStore((s) => s.fields[name]);
  const chips = useComposeStore((s) => s.chips[name]);
  const error = useComposeStore((s) => s.errors[name]);
  const compose = useComposeStore.getState;
  const [active, setActive] = useState(-1);
  const [listOpen, setListOpen] = useState(false);
  const chipsRef = useRef<HTMLUListElement>(null);
  const ownInput = useRef<HTMLInputElement | null>(null);
  const id = `compose-${name}`;
  const errorId = `${id}-error`;
  const listId = `${id}-suggestions`;
  const optionPrefix = `${useId()}-option`;

  const infos = useMemo(() => chips.map(chipInfo), [chips]);
  const chosen = useMemo(() => new Set(infos.flatMap((info) => info.addresses)), [infos]);
  const suggestions = useMemo(() => (listOpen ? suggest(book, typed, chosen) : []), [book, typed, chosen, listOpen]);
  const expanded = suggestions.length > 0;
  const invalidChips = infos.some((info) => info.problem !== null);

  const setRefs = (element: HTMLInputElement | null) => {
    ownInput.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = element;
  };

  const closeList = () => {
    setListOpen(false);
    setActive(-1);
  };

  const choose = (known: KnownAddress) => {
    compose().addChip(name, suggestionEntry(known));
    closeList();
  };

  const chipButtons = () => [...(chipsRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!expanded) {
        if (event.key === 'ArrowDown' && typed.trim()) setListOpen(true);
        return;
      }
      event.preventDefault();
      // -1 is the input itself: the arrows wrap through it.
      const last = suggestions.length - 1;
      const down = event.key === 'ArrowDown';
      setActive((current) => (down ? (current >= last ? -1 : current + 1) : current <= -1 ? last : current - 1));
      return;
    }
    if (event.key === 'Escape' && expanded) {
      // Closes the list, not Compose.
      event.preventDefault();
      event.stopPropagation();
      closeList();
      return;
    }
    const option = expanded ? suggestionToTake(suggestions, active, typed.trim() !== '' && chipInfo(typed).problem === null) : undefined;
    if ((event.key === 'Enter' || event.key === 'Tab') && option && !event.ctrlKey && !event.metaKey) {
      if (event.key === 'Enter') event.preventDefault();
      choose(option);
      return;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Enter finishes the recipient; it never sends (Ctrl+Enter does).
      event.preventDefault();
      compose().commitAddress(name);
      closeList();
      return;
    }
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    if (event.key === 'Backspace' && typed === '' && chips.length > 0) {
      event.preventDefault();
      compose().editLastChip(name);
      closeList();
      return;
    }
    if (event.key === 'ArrowLeft' && atStart && chips.length > 0) {
      event.preventDefault();
      chipButtons().at(-1)?.focus();
    }
  };

  const onChipKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const buttons = chipButtons();
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      buttons[Math.max(0, index - 1)]?.focus();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      if (index + 1 < buttons.length) buttons[index + 1]?.focus();
      else ownInput.current?.focus();
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      removeChip(index);
    }
  };

  const removeChip = (index: number) => {
    const before = chipButtons();
    compose().removeChip(name, index);
    // Focus stays in the field: on the chip before, else the input.
    const next = index > 0 ? before[index - 1] : undefined;
    if (next) next.focus();
    else ownInput.current?.focus();
  };

  const describedBy = [invalidChips ? `${id}-chip-problems` : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="compose-row">
      <label htmlFor={id}>{label}</label>
      <div className="compose-input address-field">
        <div className="chip-line">
          {chips.length > 0 && (
            <ul ref={chipsRef} className="recipient-chips" aria-label={t('compose.recipientsOf', { field: label })}>
              {infos.map((info, index) => (
                <li
                  // Chips are values, not identities: the same address may be typed twice.
                  key={`${index}:${info.full}`}
                  className={`recipient-chip${info.problem ? ' is-invalid' : ''}`}
                  title={info.problem ? t('compose.chipInvalid', { entry: info.full, reason: info.problem }) : info.full}
                >
                  {info.problem === null && info.label === info.full ? (
                    <span>{info.label}</span>
                  ) : (
                    <>
                      {/* Seen: the short label; heard: the whole entry, and why it is invalid. */}
                      <span aria-hidden="true">{info.label}</span>
                      <span className="visually-hidden">
                        {info.problem ? t('compose.chipInvalid', { entry: info.full, reason: info.problem }) : info.full}
                      </span>
                    </>
                  )}
                  <button
                    type="button"
                    tabIndex={-1}
                    className="chip-remove"
                    aria-label={t('compose.removeRecipient', { recipient: info.full })}
                    onClick={() => removeChip(index)}
                    onKeyDown={(event) => onChipKeyDown(event, index)}
                  >
                    <Icon name="close" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            ref={setRefs}
            id={id}
            name={name}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${optionPrefix}-${active}` : undefined}
            value={typed}
            required={required && chips.length === 0}
            data-autofocus={autoFocus ? '' : undefined}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error || invalidChips ? 'true' : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              compose().typeAddress(name, e.target.value);
              setListOpen(true);
              setActive(-1);
            }}
            onKeyDown={onInputKeyDown}
            onBlur={(e) => {
              closeList();
              if (isLeavingForSubmit(e)) return;
              compose().commitAddress(name);
              compose().blurred(name);
            }}
          />
        </div>
        <ul id={listId} role="listbox" className="suggestions" aria-label={t('compose.suggestions')} hidden={!expanded}>
          {suggestions.map((known, index) => (
            <li
              key={known.address}
              id={`${optionPrefix}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`suggestion${index === active ? ' is-active' : ''}`}
              // Keeps focus (and the typed text) in the input.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(known)}
            >
              {known.name && <span className="suggestion-name">{known.name}</span>}
              <span className="suggestion-address">{known.address}</span>
            </li>
          ))}
        </ul>
        {invalidChips && (
          <span id={`${id}-chip-problems`} className="visually-hidden">
            {t('compose.chipsInvalid')}
          </span>
        )}
        {/* Always present, so the live region exists before text appears in it. */}
        <div id={errorId} className="field-error" aria-live="polite">
          {error ?? ''}
        </div>
      </div>
    </div>
  );
}
