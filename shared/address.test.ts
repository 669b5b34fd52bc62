import { domainToASCII as nodeDomainToAscii } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addressProblem,
  addressToAscii,
  formatMailbox,
  needsSmtpUtf8,
  normalizeAddress,
  parseAddressList,
  tokenizeAddressList,
  type AddressListResult,
} from './address';
import type { Mailbox } from './model';

function mailboxes(input: string): Mailbox[] {
  const result = parseAddressList(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${JSON.stringify(result.invalid)}`);
  return result.mailboxes;
}

function invalid(input: string): { input: string; reason: string }[] {
  const result: AddressListResult = parseAddressList(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.mailboxes)}`);
  return result.invalid;
}

/** The one reason a single-entry field was refused for. */
function reason(input: string): string {
  const list = invalid(input);
  expect(list).toHaveLength(1);
  return (list[0] as { reason: string }).reason;
}

describe('parseAddressList: valid input', () => {
  it('parses a single bare address', () => {
    expect(mailboxes('alice@example.test')).toEqual([{ address: 'alice@example.test' }]);
  });

  it('treats an empty or blank field as an empty list', () => {
    expect(mailboxes('')).toEqual([]);
    expect(mailboxes('   ')).toEqual([]);
  });

  it('parses a plain display name', () => {
    expect(mailboxes('Alice Example <alice@example.test>')).toEqual([
      { name: 'Alice Example', address: 'alice@example.test' },
    ]);
  });

  it('keeps a comma inside a quoted display name instead of splitting there', () => {
    expect(mailboxes('"Doe, John" <j@x.test>')).toEqual([{ name: 'Doe, John', address: 'j@x.test' }]);
  });

  it('unescapes quoted-pairs in a quoted display name', () => {
    expect(mailboxes('"Say \\"hi\\" \\\\ bye" <j@x.test>')).toEqual([{ name: 'Say "hi" \\ bye', address: 'j@x.test' }]);
  });

  it('joins plain and quoted words of a display name', () => {
    expect(mailboxes('John "Q." Public <jqp@x.test>')).toEqual([{ name: 'John Q. Public', address: 'jqp@x.test' }]);
  });

  it('collapses runs of whitespace in an unquoted display name', () => {
    expect(mailboxes('  John \t  Doe   <j@x.test>  ')).toEqual([{ name: 'John Doe', address: 'j@x.test' }]);
  });

  it('accepts an angle address without a name and gives no name', () => {
    expect(mailboxes('<j@x.test>')).toEqual([{ address: 'j@x.test' }]);
  });

  it('drops comments, including nested ones and ones holding specials', () => {
    expect(mailboxes('j@x.test (John, at work)')).toEqual([{ address: 'j@x.test' }]);
    expect(mailboxes('(a (nested) comment) John <j@x.test>')).toEqual([{ name: 'John', address: 'j@x.test' }]);
    expect(mailboxes('John <j@x.test> (b@evil.test; c@evil.test)')).toEqual([{ name: 'John', address: 'j@x.test' }]);
  });

  it('expands a group into its members and does not treat the group name as an address', () => {
    expect(mailboxes('Team: a@x.test, b@y.test;')).toEqual([{ address: 'a@x.test' }, { address: 'b@y.test' }]);
    expect(mailboxes('Team: Ann <a@x.test>;, c@z.test')).toEqual([
      { name: 'Ann', address: 'a@x.test' },
      { address: 'c@z.test' },
    ]);
  });

  it('accepts an empty group as no recipients', () => {
    expect(mailboxes('Undisclosed recipients:;')).toEqual([]);
  });

  it('ignores trailing, leading and doubled commas', () => {
    expect(mailboxes('a@x.test,')).toEqual([{ address: 'a@x.test' }]);
    expect(mailboxes(', a@x.test,, b@y.test , ,')).toEqual([{ address: 'a@x.test' }, { address: 'b@y.test' }]);
  });

  it('accepts semicolons as separators, as people type them', () => {
    expect(mailboxes('a@x.test; b@y.test')).toEqual([{ address: 'a@x.test' }, { address: 'b@y.test' }]);
  });

  it('parses several mixed entries in order', () => {
    expect(mailboxes('  a@x.test ,  "B, Bee" <b@y.test>,C <c@z.test>  ')).toEqual([
      { address: 'a@x.test' },
      { name: 'B, Bee', address: 'b@y.test' },
      { name: 'C', address: 'c@z.test' },
    ]);
  });

  it('keeps the local part exactly as typed but lower-cases the domain', () => {
    expect(mailboxes('John.Doe@Example.TEST')).toEqual([{ address: 'John.Doe@example.test' }]);
  });

  it('accepts a comma inside angle brackets as part of a quoted local part', () => {
    expect(mailboxes('X <"a,b"@x.test>')).toEqual([{ name: 'X', address: '"a,b"@x.test' }]);
  });

  it('accepts IDN domains and stores them NFC and lower case', () => {
    expect(mailboxes('user@пример.рф')).toEqual([{ address: 'user@пример.рф' }]);
    expect(mailboxes('a@café.fr')).toEqual([{ address: 'a@café.fr' }]);
    // Upper case and a decomposed é (e + U+0301) normalise to the same stored address.
    expect(mailboxes('a@CAFE\u0301.FR')).toEqual([{ address: 'a@café.fr' }]);
    expect(mailboxes('user@ПРИМЕР.РФ')).toEqual([{ address: 'user@пример.рф' }]);
  });

  it('stores a domain typed with ideographic dots with ASCII dots', () => {
    expect(mailboxes('a@例え。テスト')).toEqual([{ address: 'a@例え.テスト' }]);
  });

  it('accepts a non-ASCII local part (RFC 6531)', () => {
    expect(mailboxes('иван@пример.рф')).toEqual([{ address: 'иван@пример.рф' }]);
  });

  it('accepts localhost as the one dotless domain', () => {
    expect(mailboxes('a@localhost')).toEqual([{ address: 'a@localhost' }]);
  });

  it('accepts IPv4 and IPv6 address literals', () => {
    expect(mailboxes('a@[127.0.0.1]')).toEqual([{ address: 'a@[127.0.0.1]' }]);
    expect(mailboxes('a@[IPv6:2001:db8::1]')).toEqual([{ address: 'a@[IPv6:2001:db8::1]' }]);
    expect(mailboxes('a@[IPv6:::ffff:192.0.2.1]')).toEqual([{ address: 'a@[IPv6:::ffff:192.0.2.1]' }]);
  });

  it('parses a quoted local part holding "@" as ONE mailbox with the full address', () => {
    // The envelope must get the validated address, never the a@x.test hidden in the quotes.
    const list = mailboxes('"a@x.test y"@internal.test');
    expect(list).toEqual([{ address: '"a@x.test y"@internal.test' }]);
    expect(mailboxes('Name <"a@x.test y"@internal.test>')).toEqual([
      { name: 'Name', address: '"a@x.test y"@internal.test' },
    ]);
  });

  it('accepts the longest legal parts', () => {
    const local = 'l'.repeat(64);
    const label = 'd'.repeat(63);
    expect(mailboxes(`${local}@${label}.test`)).toEqual([{ address: `${local}@${label}.test` }]);
  });
});

describe('parseAddressList: refused input', () => {
  it.each([
    ['bob@', 'missing the domain after @'],
    ['@x.test', 'missing the part before @'],
    ['not-an-address', 'missing @'],
    ['a..b@x.test', 'empty dot-separated part before @'],
    ['.a@x.test', 'empty dot-separated part before @'],
    ['a.@x.test', 'empty dot-separated part before @'],
    ['a b@x.test', 'invalid character before @'],
    ['a@x..test', 'empty label in domain'],
    ['a@x.test.', 'empty label in domain'],
    ['a@-x.test', 'invalid character in domain'],
    ['a@x-.test', 'invalid character in domain'],
    ['a@x_y.test', 'invalid character in domain'],
    ['a@gmail', 'domain needs a dot (example.com)'],
    ['a@пример', 'domain needs a dot (example.com)'],
    ['a@1.2.3.4', 'top-level domain cannot be numeric'],
    ['a@[999.1.1.1]', 'invalid IPv4 address literal'],
    ['a@[1.2.3]', 'invalid IPv4 address literal'],
    ['a@[IPv6:::::]', 'invalid IPv6 address literal'],
    ['a@[IPv6:1:2:3:4:5:6:7]', 'invalid IPv6 address literal'],
    ['a@[IPv6:12345::1]', 'invalid IPv6 address literal'],
    ['a@[IPv6:::ffff:999.0.0.1]', 'invalid IPv6 address literal'],
    ['a@[example.test]', 'invalid address literal'],
    ['a@x\u200B.test', 'space or invisible character in domain'],
    ['a@x\u00A0y.test', 'space or invisible character in domain'],
    ['a@⒈.test', 'invalid character in domain'],
  ])('%j: %s', (input, why) => {
    expect(reason(input)).toBe(why);
  });

  it('refuses a local part over 64 octets, counting UTF-8 octets, not characters', () => {
    expect(reason(`${'l'.repeat(65)}@x.test`)).toBe('the part before @ is longer than 64 octets');
    // 33 Cyrillic letters are 33 characters but 66 octets.
    expect(reason(`${'ж'.repeat(33)}@x.test`)).toBe('the part before @ is longer than 64 octets');
    expect(mailboxes(`${'ж'.repeat(32)}@x.test`)).toHaveLength(1);
  });

  it('refuses a domain label over 63 characters, measured after punycode', () => {
    expect(reason(`a@${'d'.repeat(64)}.test`)).toBe('domain label longer than 63 characters');
    // 58 "ü" are 58 characters but 64 once encoded (xn--tda...); 57 encode to exactly 63.
    expect(reason(`a@${'ü'.repeat(58)}.test`)).toBe('domain label longer than 63 characters');
    expect(mailboxes(`a@${'ü'.repeat(57)}.test`)).toHaveLength(1);
  });

  it('refuses a domain over 253 characters', () => {
    const domain = Array.from({ length: 4 }, () => 'd'.repeat(63)).join('.');
    expect(domain.length).toBe(255);
    expect(reason(`a@${domain}`)).toBe('domain is longer than 253 characters');
  });

  it('refuses an address over 254 characters even when each part is within its own limit', () => {
    const local = 'l'.repeat(64);
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.test`;
    expect(domain.length).toBeLessThanOrEqual(253);
    expect(local.length + 1 + domain.length).toBeGreaterThan(254);
    expect(reason(`${local}@${domain}`)).toBe('address is longer than 254 characters');
    // One label shorter fits.
    const fits = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(56)}.test`;
    expect(local.length + 1 + fits.length).toBe(254);
    expect(mailboxes(`${local}@${fits}`)).toHaveLength(1);
  });

  it('refuses CR/LF header injection as a whole, whatever else the field holds', () => {
    for (const input of [
      'a@x.test\r\nBcc: evil@y.test',
      'a@x.test\nBcc: evil@y.test',
      'a@x.test\rBcc: evil@y.test',
      '"Alice\r\nBcc: evil@y.test" <a@x.test>',
      'Alice\nBcc: evil@y.test <a@x.test>',
      'a@x.test (comment\r\nBcc: evil@y.test)',
      'a@x.test\u2028Bcc: evil@y.test',
    ]) {
      const list = invalid(input);
      expect(list).toEqual([{ input, reason: 'contains a line break' }]);
    }
  });

  it('refuses NUL and other control characters, in the address and in the name', () => {
    for (const input of ['a@x.test\0', 'a\0b@x.test', '"Evil\0" <a@x.test>', 'Evil\x1b[2J <a@x.test>', 'a\x85b@x.test']) {
      expect(invalid(input)).toEqual([{ input, reason: 'contains a control character' }]);
    }
  });

  it('allows a tab as whitespace between entries', () => {
    expect(mailboxes('a@x.test,\tb@y.test')).toHaveLength(2);
  });

  it('refuses unbalanced quotes, comments and angle brackets', () => {
    expect(reason('"John <j@x.test>')).toBe('unterminated quote, comment or <');
    expect(reason('John <j@x.test')).toBe('unterminated quote, comment or <');
    expect(reason('j@x.test (comment')).toBe('unterminated quote, comment or <');
    expect(invalid('John j@x.test>')).toHaveLength(1);
    expect(invalid('"a"b"@x.test')).toHaveLength(1);
    expect(reason('John <j@x.test> trailing')).toBe('text after >');
  });

  it('reports the unterminated entry without the internal marker', () => {
    expect(invalid('ok@x.test, "broken <b@y.test>')).toEqual([
      { input: '"broken <b@y.test>', reason: 'unterminated quote, comment or <' },
    ]);
  });

  it('refuses an unquoted display name that holds an address or angle brackets', () => {
    // Otherwise the name would show one address while mail goes to another.
    expect(invalid('bob@good.test <eve@evil.test>')).toHaveLength(1);
    expect(invalid('A <b@x.test> <c@y.test>')).toHaveLength(1);
    // Quoted, the same name is allowed and kept verbatim.
    expect(mailboxes('"bob@good.test" <eve@evil.test>')).toEqual([{ name: 'bob@good.test', address: 'eve@evil.test' }]);
  });

  it('refuses a tab inside a quoted local part (not qtextSMTP)', () => {
    expect(invalid('"a\tb"@x.test')).toHaveLength(1);
    expect(mailboxes('"a b"@x.test')).toEqual([{ address: '"a b"@x.test' }]);
  });

  it('lists every invalid entry and returns no mailboxes when any entry is invalid', () => {
    const result = parseAddressList('good@x.test, bob@, also-good@y.test, a@gmail');
    expect(result).toEqual({
      ok: false,
      invalid: [
        { input: 'bob@', reason: 'missing the domain after @' },
        { input: 'a@gmail', reason: 'domain needs a dot (example.com)' },
      ],
    });
  });

  it('splits an unquoted "Last, First" into two entries and refuses the name part', () => {
    expect(invalid('Doe, John <j@x.test>')).toEqual([{ input: 'Doe', reason: 'missing @' }]);
  });
});

describe('addressProblem', () => {
  it('refuses < or > even quoted, and direction overrides: an envelope cannot carry them', () => {
    expect(addressProblem('"a<b"@x.test')).toBe('contains < or >');
    expect(addressProblem('"a>b"@x.test')).toBe('contains < or >');
    expect(addressProblem('a\u202e@x.test')).toBe('contains a character that reverses the direction of the text');
    expect(addressProblem('"a b"@x.test')).toBeNull();
  });

  it('returns null for a valid address and a reason otherwise', () => {
    expect(addressProblem('a@x.test')).toBeNull();
    expect(addressProblem('a@x.test\r\nBcc: evil@y.test')).toBe('contains a line break or control character');
    expect(addressProblem('a@x.test\0')).toBe('contains a line break or control character');
  });

  it('accepts every address it produced through normalizeAddress', () => {
    for (const typed of ['A@Example.TEST', 'a@[IPv6:2001:DB8::1]', 'a@[ipv6:2001:db8::1]', 'a@例え。テスト', 'иван@ПРИМЕР.РФ']) {
      expect(addressProblem(typed)).toBeNull();
      expect(addressProblem(normalizeAddress(typed))).toBeNull();
    }
  });
});

describe('normalizeAddress', () => {
  it('normalises only the domain', () => {
    expect(normalizeAddress('John.DOE@Example.TEST')).toBe('John.DOE@example.test');
    expect(normalizeAddress('"A@B"@X.TEST')).toBe('"A@B"@x.test');
  });

  it('leaves address literals as typed', () => {
    expect(normalizeAddress('a@[IPv6:2001:DB8::1]')).toBe('a@[IPv6:2001:DB8::1]');
  });

  it('folds full-width letters in the domain as IDNA does', () => {
    expect(normalizeAddress('a@ＥＸＡＭＰＬＥ.com')).toBe('a@example.com');
  });
});

describe('addressToAscii', () => {
  it('converts only the domain to punycode and leaves the local part alone', () => {
    expect(addressToAscii('user@пример.рф')).toBe('user@xn--e1afmkfd.xn--p1ai');
    expect(addressToAscii('иван@пример.рф')).toBe('иван@xn--e1afmkfd.xn--p1ai');
    expect(addressToAscii('Café@café.fr')).toBe('Café@xn--caf-dma.fr');
    expect(addressToAscii('"x@café.fr"@café.fr')).toBe('"x@café.fr"@xn--caf-dma.fr');
  });

  it('agrees with node:url for the domain half', () => {
    for (const domain of ['пример.рф', 'BÜCHER.de', '例え。テスト', 'faß.de']) {
      expect(addressToAscii(`a@${domain}`)).toBe(`a@${nodeDomainToAscii(domain)}`);
    }
  });

  it('leaves ASCII addresses and address literals unchanged', () => {
    expect(addressToAscii('a@x.test')).toBe('a@x.test');
    expect(addressToAscii('a@[127.0.0.1]')).toBe('a@[127.0.0.1]');
  });
});

describe('needsSmtpUtf8', () => {
  it('is true only for a non-ASCII local part', () => {
    expect(needsSmtpUtf8('иван@пример.рф')).toBe(true);
    expect(needsSmtpUtf8('josé@x.test')).toBe(true);
    expect(needsSmtpUtf8('a@пример.рф')).toBe(false);
    expect(needsSmtpUtf8('a@x.test')).toBe(false);
  });

  it('looks at the local part of what the parser produced', () => {
    const [unicodeLocal] = mailboxes('Иван <иван@пример.рф>');
    const [asciiLocal] = mailboxes('Иван <ivan@пример.рф>');
    expect(needsSmtpUtf8(unicodeLocal?.address ?? '')).toBe(true);
    // A non-ASCII display name is the header's business (RFC 2047), not the envelope's.
    expect(needsSmtpUtf8(asciiLocal?.address ?? '')).toBe(false);
  });
});

describe('formatMailbox', () => {
  it('gives the bare address when there is no name', () => {
    expect(formatMailbox({ address: 'a@x.test' })).toBe('a@x.test');
    expect(formatMailbox({ name: '', address: 'a@x.test' })).toBe('a@x.test');
  });

  it('leaves a plain name unquoted', () => {
    expect(formatMailbox({ name: 'Alice Example', address: 'a@x.test' })).toBe('Alice Example <a@x.test>');
  });

  it('quotes and escapes names that hold specials', () => {
    expect(formatMailbox({ name: 'Doe, John', address: 'j@x.test' })).toBe('"Doe, John" <j@x.test>');
    expect(formatMailbox({ name: 'Say "hi"', address: 'j@x.test' })).toBe('"Say \\"hi\\"" <j@x.test>');
    expect(formatMailbox({ name: 'bob@good.test', address: 'eve@evil.test' })).toBe('"bob@good.test" <eve@evil.test>');
  });

  it.each<Mailbox>([
    { name: 'Doe, John', address: 'j@x.test' },
    { name: 'Say "hi" \\ bye', address: 'j@x.test' },
    { name: 'J. R. R. Tolkien', address: 'jrr@x.test' },
    { name: 'a (not a comment)', address: 'a@x.test' },
    { name: 'Team: all;', address: 't@x.test' },
    { name: '<b@evil.test>', address: 'a@x.test' },
    { name: 'two  spaces', address: 'a@x.test' },
    { name: ' padded ', address: 'a@x.test' },
    { name: 'Иван Петров', address: 'иван@пример.рф' },
    { name: 'Quoted', address: '"a@x.test y"@internal.test' },
    { address: 'plain@x.test' },
  ])('round-trips %j through parseAddressList', (mailbox) => {
    expect(mailboxes(formatMailbox(mailbox))).toEqual([mailbox]);
  });

  it('round-trips a whole list joined with commas', () => {
    const list: Mailbox[] = [
      { name: 'Doe, John', address: 'j@x.test' },
      { address: 'b@y.test' },
      { name: 'Team: x', address: 'c@z.test' },
    ];
    expect(mailboxes(list.map(formatMailbox).join(', '))).toEqual(list);
  });
});

describe('tokenizeAddressList (the one tokenizer: fields, chips, drafts, mailto)', () => {
  it('keeps a quoted name holding commas, semicolons, colons and escaped quotes in one entry', () => {
    expect(tokenizeAddressList('"Lee, Ann; Dr." <ann@x.test>, "Say \\"hi, there\\"" <b@x.test>; c@x.test').complete).toEqual([
      '"Lee, Ann; Dr." <ann@x.test>',
      '"Say \\"hi, there\\"" <b@x.test>',
    ]);
    expect(tokenizeAddressList('"Lee, Ann; Dr." <ann@x.test>, "Say \\"hi, there\\"" <b@x.test>; c@x.test').rest).toBe('c@x.test');
    expect(tokenizeAddressList('"Team: A" <a@x.test>,').complete).toEqual(['"Team: A" <a@x.test>']);
  });

  it('never cuts inside angle brackets', () => {
    expect(tokenizeAddressList('Ann <"a,b;c"@x.test>, bob@x.test;').complete).toEqual(['Ann <"a,b;c"@x.test>', 'bob@x.test']);
    expect(tokenizeAddressList('Ann <ann@x.test').unterminated).toBe(true);
  });

  it('gives a group its members, without the group name, and ends it at the semicolon', () => {
    expect(tokenizeAddressList('Team: a@x.test, "B, b" <b@x.test>;, c@x.test,').complete).toEqual(['a@x.test', '"B, b" <b@x.test>', 'c@x.test']);
    expect(tokenizeAddressList('Undisclosed recipients:;').complete).toEqual([]);
  });

  it('treats semicolons like commas and drops empty entries', () => {
    expect(tokenizeAddressList(' a@x.test ;; ,b@x.test; ')).toEqual({ complete: ['a@x.test', 'b@x.test'], rest: '', unterminated: false });
  });

  it('drops comments for the parser, keeps them as typed for a chip, and never cuts inside one', () => {
    expect(tokenizeAddressList('ann@x.test (work, mostly; (really)), b@x.test').complete).toEqual(['ann@x.test']);
    expect(tokenizeAddressList('ann@x.test (work, mostly; (really)), b@x.test', { keepComments: true }).complete).toEqual(['ann@x.test (work, mostly; (really))']);
    expect(tokenizeAddressList('ann@x.test (work, ').unterminated).toBe(true);
  });

  it('marks an unclosed quote, and the parser refuses it as one entry', () => {
    expect(tokenizeAddressList('"Lee, Ann <ann@x.test>')).toEqual({ complete: [], rest: '"Lee, Ann <ann@x.test>', unterminated: true });
    const parsed = parseAddressList('"Lee, Ann <ann@x.test>');
    expect(parsed.ok).toBe(false);
  });

  it('the parser and the chips cut a list the same way', () => {
    const list = 'Team: "Lee, Ann" <ann@x.test>; Bob <bob@x.test>, carol@x.test';
    const parsed = parseAddressList(list);
    expect(parsed.ok && parsed.mailboxes.map((m) => m.address)).toEqual(['ann@x.test', 'bob@x.test', 'carol@x.test']);
    const chips = tokenizeAddressList(list, { keepComments: true });
    expect([...chips.complete, chips.rest].map((e) => parseAddressList(e)).every((r) => r.ok && r.mailboxes.length === 1)).toBe(true);
  });
});
