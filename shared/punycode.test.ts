import { domainToASCII as nodeDomainToAscii } from 'node:url';
import { describe, expect, it } from 'vitest';
import { domainToAscii, normalizeDomain, punycodeEncode, splitDomainLabels } from './punycode';

// RFC 3492 section 7.1. The inputs are the RFC's code points; (I) is left out of
// the exact table because its "D" comes from the mixed-case annotation we do not implement.
const RFC3492_SAMPLES: [string, string, string][] = [
  ['A Arabic (Egyptian)', 'ليهمابتكلموشعربي؟', 'egbpdaj6bu4bxfgehfvwxn'],
  ['B Chinese (simplified)', '他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['C Chinese (traditional)', '他們爲什麽不說中文', 'ihqwctvzc91f659drss3x8bo0yb'],
  ['D Czech', 'Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky', 'Proprostnemluvesky-uyb24dma41a'],
  ['E Hebrew', 'למההםפשוטלאמדבריםעברית', '4dbcagdahymbxekheh6e0a7fei0b'],
  ['F Hindi (Devanagari)', 'यहलोगहिन्दीक्योंनहींबोलसकतेहैं', 'i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd'],
  ['G Japanese (kanji and hiragana)', 'なぜみんな日本語を話してくれないのか', 'n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa'],
  [
    'H Korean (Hangul syllables)',
    '세계의모든사람들이한국어를이해한다면얼마나좋을까',
    '989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c',
  ],
  ['J Spanish', 'Porqu\u00E9nopuedensimplementehablarenEspa\u00F1ol', 'PorqunopuedensimplementehablarenEspaol-fmd56a'],
  [
    'K Vietnamese',
    'T\u1EA1isaoh\u1ECDkh\u00F4ngth\u1EC3ch\u1EC9n\u00F3iti\u1EBFngVi\u1EC7t',
    'TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g',
  ],
  ['L 3<nen>B<gumi><kinpachi><sensei>', '3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ['M <amuro><namie>-with-SUPER-MONKEYS', '安室奈美恵-with-SUPER-MONKEYS', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
  ['N Hello-Another-Way-<sorezore><no><basho>', 'Hello-Another-Way-それぞれの場所', 'Hello-Another-Way--fc4qua05auwb3674vfr0b'],
  ['O <hitotsu><yane><no><shita>2', 'ひとつ屋根の下2', '2-u9tlzr9756bt3uc0v'],
  ['P Maji<de>Koi<suru>5<byou><mae>', 'MajiでKoiする5秒前', 'MajiKoi5-783gue6qz075azm5e'],
  ['Q <pafii>de<runba>', 'パフィーdeルンバ', 'de-jg4avhby1noc0d'],
  ['R <sono><supiido><de>', 'そのスピードで', 'd9juau41awczczp'],
  ['S -> $1.00 <-', '-> $1.00 <-', '-> $1.00 <--'],
];

describe('punycodeEncode (RFC 3492 section 7.1 samples)', () => {
  it.each(RFC3492_SAMPLES)('(%s)', (_label, unicode, expected) => {
    expect(punycodeEncode(unicode)).toBe(expected);
  });

  it('(I) Russian, compared without the mixed-case annotation', () => {
    // RFC output: b1abfaaepdrnnbgefbaDotcwatmq2g4l; the upper-case D is an annotation only.
    expect(punycodeEncode('почемужеонинеговорятпорусски')).toBe('b1abfaaepdrnnbgefbadotcwatmq2g4l');
  });

  it('encodes code points outside the BMP as one code point, not two surrogates', () => {
    expect(punycodeEncode('💩')).toBe('ls8h');
  });

  it('keeps an all-ASCII label with only the delimiter appended', () => {
    expect(punycodeEncode('abc')).toBe('abc-');
  });
});

describe('splitDomainLabels', () => {
  it('splits at the ASCII dot and at the ideographic, full-width and half-width dots', () => {
    expect(splitDomainLabels('a.b\u3002c\uFF0Ed\uFF61e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps empty labels so callers can refuse them', () => {
    expect(splitDomainLabels('a..b')).toEqual(['a', '', 'b']);
  });
});

describe('domainToAscii', () => {
  it.each([
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['café.fr', 'xn--caf-dma.fr'],
    ['BÜCHER.de', 'xn--bcher-kva.de'],
    ['例え。テスト', 'xn--r8jz45g.xn--zckzah'],
    ['例え．テスト', 'xn--r8jz45g.xn--zckzah'],
    ['例え｡テスト', 'xn--r8jz45g.xn--zckzah'],
  ])('%s → %s', (unicode, ascii) => {
    expect(domainToAscii(unicode)).toBe(ascii);
  });

  it('lower-cases ASCII domains and leaves them otherwise unchanged', () => {
    expect(domainToAscii('Example.COM')).toBe('example.com');
    expect(domainToAscii('mail-1.x.test')).toBe('mail-1.x.test');
    expect(domainToAscii('xn--caf-dma.fr')).toBe('xn--caf-dma.fr');
  });

  it('treats a decomposed é like the precomposed one', () => {
    expect(domainToAscii('cafe\u0301.fr')).toBe('xn--caf-dma.fr');
  });

  it('maps full-width and compatibility letters the way browsers do', () => {
    expect(domainToAscii('ＥＸＡＭＰＬＥ.com')).toBe('example.com');
    expect(domainToAscii('ﬁ.test')).toBe('fi.test');
  });

  it('lower-cases a final capital sigma to σ, as IDNA does, not to ς', () => {
    expect(domainToAscii('ΣΊΣΥΦΟΣ.gr')).toBe(nodeDomainToAscii('ΣΊΣΥΦΟΣ.gr'));
  });

  // Node's WHATWG URL implementation is the reference for what a resolver will look up.
  it.each([
    'пример.рф',
    'café.fr',
    'BÜCHER.de',
    '例え。テスト',
    'mañana｡com',
    'faß.de',
    'İstanbul.tr',
    '💩.la',
    '3年B組金八先生.jp',
    'ǅ.test',
    'Ⅸ.com',
    'ＥＸＡＭＰＬＥ.com',
    'bücher-bücherei.de',
    'Example.COM',
    'xn--bcher-kva.de',
    'ليهمابتكلموشعربي؟.example',
  ])('agrees with node:url domainToASCII for %s', (domain) => {
    const reference = nodeDomainToAscii(domain);
    expect(reference).not.toBe('');
    expect(domainToAscii(domain)).toBe(reference);
  });
});

describe('normalizeDomain', () => {
  it('gives the Unicode form with "." separators, NFC and lower case', () => {
    expect(normalizeDomain('ПРИМЕР。РФ')).toBe('пример.рф');
    expect(normalizeDomain('Cafe\u0301.FR')).toBe('café.fr');
  });

  it('round-trips to the same ASCII form as the raw input', () => {
    for (const d of ['例え。テスト', 'BÜCHER.de', 'ＥＸＡＭＰＬＥ.com']) {
      expect(domainToAscii(normalizeDomain(d))).toBe(domainToAscii(d));
    }
  });
});
