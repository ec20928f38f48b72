// node --test Tests/js/
// The pure functions of Themes/default/assets/js/search.js (the site search in the browser) over
// a tiny in-memory index in the format Sources/PortalSearch/SearchIndex.swift writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const stemRu = require('../../Themes/default/assets/js/stemmer-ru.js');
const search = require('../../Themes/default/assets/js/search.js');

// Postings are [docIndex, weight, …]; weight 10 = title, 4 = heading, +1 per occurrence (≤ 5).
// The stems are what the Swift builder writes (checked against stemRu below).
const index = {
  docs: [
    { n: 40, s: '', t: 'Банк наставников', u: '/mentors/',
      x: 'Банк наставников формируется на третьем этапе программы. В банк входят педагоги и родители.' },
    { n: 30, s: 'Новости', t: 'В гимназии прошла «Школа наставника»', u: '/news/shkola-nastavnika/',
      x: 'С 6 по 16 октября прошло обучение. Наставники узнали, как работать с <script>alert(1)</script> & «кейсами».' },
    { n: 20, s: 'Банк наставников', t: 'Иванова Анна Сергеевна', u: '/mentors/ivanova-anna/',
      x: 'Учитель русского языка и литературы. Помогает молодым специалистам.' },
    { n: 10, s: 'Этапы', t: 'Ёлка в гимназии', u: '/stages/elka/', x: 'Праздник у ёлки для учеников.' },
  ],
  stop: ['для', 'на', 'по'],
  terms: {
    'банк': [0, 12, 2, 1],
    'наставник': [0, 12, 1, 11, 2, 1],
    'наставля': [1, 1],
    'иванов': [2, 10],
    'учител': [2, 1],
    'елк': [3, 11],
    'гимназ': [1, 10, 3, 10],
    'кейс': [1, 1],
    'праздник': [3, 1],
  },
  v: 1,
};

test('the in-memory index uses the stems stemRu gives', () => {
  assert.equal(stemRu('наставников'), 'наставник');
  assert.equal(stemRu('Ёлка'), 'елк');
  assert.equal(stemRu('гимназии'), 'гимназ');
});

test('tokenise: letters and digits, lowercase, ё → е, short words dropped, offsets kept', () => {
  const text = 'Ёлка, НАСТАВНИК и 9 классов: e-mail!';
  const tokens = search.tokenise(text);
  assert.deepEqual(tokens.map((t) => t.word), ['елка', 'наставник', '9', 'классов', 'mail']);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['Ёлка', 'НАСТАВНИК', '9', 'классов', 'mail']);
  // Accents and soft hyphens do not split a word; decomposed й is composed.
  assert.deepEqual(search.tokenise('учи\u0301тель настав\u00adник краи\u0306').map((t) => t.word),
    ['учитель', 'наставник', 'край']);
});

test('queryStems: inflected forms, stop words out, no repeats', () => {
  assert.deepEqual(search.queryStems('наставникам', index.stop), ['наставник']);
  assert.deepEqual(search.queryStems('Наставники для наставников по банку', index.stop), ['наставник', 'банк']);
  assert.deepEqual(search.queryStems('ёлка елка', index.stop), ['елк']);
});

test('«наставникам» finds the mentor bank first', () => {
  for (const query of ['наставникам', 'наставника', 'наставники', 'наставниками', 'НАСТАВНИК']) {
    const { results } = search.search(index, query);
    assert.equal(results[0].doc.u, '/mentors/', query);
    assert.ok(results.some((r) => r.doc.t === 'Банк наставников'), query);
    assert.deepEqual(results.map((r) => r.index).sort(), [0, 1, 2], query);
  }
});

test('ё and е find the same pages', () => {
  assert.deepEqual(search.search(index, 'ёлка').results.map((r) => r.doc.u), ['/stages/elka/']);
  assert.deepEqual(search.search(index, 'елки').results.map((r) => r.doc.u), ['/stages/elka/']);
});

test('pages with all the words come first, then pages with some (AND, then OR)', () => {
  const { results, stems } = search.search(index, 'гимназия праздник');
  assert.deepEqual(stems, ['гимназ', 'праздник']);
  assert.deepEqual(results.map((r) => [r.doc.u, r.matched]), [['/stages/elka/', 2], ['/news/shkola-nastavnika/', 1]]);
  // Equal matches: higher score first.
  const bank = search.search(index, 'банк наставник').results;
  assert.deepEqual(bank.map((r) => r.index), [0, 2, 1]);
});

test('score: weights add up; equal scores prefer the shorter page', () => {
  const { results } = search.score(index, ['банк']);
  assert.deepEqual(results.map((r) => [r.index, r.score]), [[0, 12], [2, 1]]);
  const tie = { docs: [{ n: 50, t: 'A', u: '/a/', s: '', x: '' }, { n: 5, t: 'B', u: '/b/', s: '', x: '' }],
    terms: { 'юрист': [0, 2, 1, 2] }, stop: [] };
  assert.deepEqual(search.score(tie, ['юрист']).results.map((r) => r.doc.u), ['/b/', '/a/']);
});

test('a word still being typed finds pages by prefix', () => {
  const { results, matcher } = search.search(index, 'настав');
  assert.ok(results.length >= 2);
  assert.equal(results[0].doc.u, '/mentors/');
  assert.ok(matcher('наставник') && matcher('наставля'));
  assert.ok(!matcher('банк'));
});

test('nothing found, stop words only, empty query', () => {
  assert.equal(search.search(index, 'космонавт').results.length, 0);
  assert.equal(search.search(index, 'для на по').results.length, 0);
  assert.equal(search.search(index, '   ').results.length, 0);
  // Object keys of the index are not confused with terms.
  assert.equal(search.search(index, 'constructor __proto__ toString').results.length, 0);
});

test('snippet: around the first match, matched words marked', () => {
  const { matcher } = search.search(index, 'наставникам');
  const html = search.segmentsToHTML(search.snippet(index.docs[0].x, matcher));
  assert.equal(html,
    'Банк <mark>наставников</mark> формируется на третьем этапе программы. В банк входят педагоги и родители.');
  const long = 'Начало. ' + 'Слово '.repeat(60) + 'здесь работает наставник гимназии. ' + 'Хвост '.repeat(60);
  const parts = search.snippet(long, matcher, 120);
  const text = parts.map((p) => p.text).join('');
  assert.ok(text.startsWith('…'), text);
  assert.ok(text.endsWith('…'), text);
  assert.ok(text.length <= 125, `${text.length}: ${text}`);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['наставник']);
  // No match in the text (only in the title): the start of the text.
  const none = search.snippet('Учитель русского языка.', () => false);
  assert.deepEqual(none, [{ text: 'Учитель русского языка.', mark: false }]);
});

test('snippet HTML is escaped', () => {
  const { matcher } = search.search(index, 'наставники кейсы');
  const html = search.segmentsToHTML(search.snippet(index.docs[1].x, matcher));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; «<mark>кейсами</mark>»'), html);
  assert.ok(html.includes('<mark>Наставники</mark>'), html);
  assert.ok(!html.includes('<script>'));
  assert.equal(search.escapeHTML('<a href="x">\'&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(search.segmentsToHTML([{ text: '<b>', mark: true }]), '<mark>&lt;b&gt;</mark>');
});

test('highlight marks matches in titles', () => {
  const { matcher } = search.search(index, 'наставникам');
  assert.equal(search.segmentsToHTML(search.highlight('Банк наставников', matcher)), 'Банк <mark>наставников</mark>');
  assert.equal(search.segmentsToHTML(search.highlight('Школа «наставника»', ['наставник'])),
    'Школа «<mark>наставника</mark>»');
});

test('only site or http(s) links are followed', () => {
  assert.equal(search.safeURL('/mentors/'), '/mentors/');
  assert.equal(search.safeURL('https://example.ru/'), 'https://example.ru/');
  assert.equal(search.safeURL('javascript:alert(1)'), '#');
  assert.equal(search.safeURL('//evil.example/'), '#');
});

test('Russian plurals for the count', () => {
  const forms = ['страница', 'страницы', 'страниц'];
  assert.deepEqual([1, 2, 5, 11, 21, 22, 25, 111].map((n) => search.pluralRu(n, forms)),
    ['страница', 'страницы', 'страниц', 'страниц', 'страница', 'страницы', 'страниц', 'страниц']);
});
