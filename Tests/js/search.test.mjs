// node --test Tests/js/
// The pure functions of Themes/default/assets/js/search.js (the site search in the browser) over
// a tiny in-memory index in the format Sources/PortalSearch/SearchIndex.swift writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const stemRu = require('../../Themes/default/assets/js/stemmer-ru.js');
const search = require('../../Themes/default/assets/js/search.js');

// An index in the one-file format (v2) of Sources/PortalSearch from postings given as
// {stem: [docIndex, score, …]}: the vocabulary sorted, postings as gaps.
function makeIndex(docs, terms, stop) {
  const vocab = Object.keys(terms).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  const lists = vocab.map((s) => {
    const out = []; let previous = 0;
    for (let i = 0; i < terms[s].length; i += 2) { out.push(terms[s][i] - previous, terms[s][i + 1]); previous = terms[s][i]; }
    return out;
  });
  return { docs, n: docs.length, stop, terms: lists, v: 2, vocab };
}

// The stems are what the Swift builder writes (checked against stemRu below).
const index = makeIndex([
  { s: '', t: 'Банк наставников', u: '/mentors/',
    x: 'Банк наставников формируется на третьем этапе программы. В банк входят педагоги и родители.' },
  { s: 'Новости', t: 'В гимназии прошла «Школа наставника»', u: '/news/shkola-nastavnika/',
    x: 'С 6 по 16 октября прошло обучение. Наставники узнали, как работать с <script>alert(1)</script> & «кейсами».' },
  { s: 'Банк наставников', t: 'Иванова Анна Сергеевна', u: '/mentors/ivanova-anna/',
    x: 'Учитель русского языка и литературы. Помогает молодым специалистам.' },
  { s: 'Этапы', t: 'Ёлка в гимназии', u: '/stages/elka/', x: 'Праздник у ёлки для учеников.' },
], {
  'банк': [0, 42, 2, 3],
  'наставник': [0, 40, 1, 35, 2, 2],
  'наставля': [1, 4],
  'иванов': [2, 50],
  'учител': [2, 6],
  'елк': [3, 45],
  'гимназ': [1, 30, 3, 31],
  'кейс': [1, 5],
  'праздник': [3, 8],
  'программ': [0, 5],
}, ['для', 'на', 'по']);

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

test('score: scores add up; equal scores keep index order', () => {
  const { results } = search.score(index, ['банк']);
  assert.deepEqual(results.map((r) => [r.index, r.score]), [[0, 42], [2, 3]]);
  const tie = makeIndex([{ t: 'A', u: '/a/', s: '', x: '' }, { t: 'B', u: '/b/', s: '', x: '' }],
    { 'юрист': [0, 2, 1, 2] }, []);
  assert.deepEqual(search.score(tie, ['юрист']).results.map((r) => r.doc.u), ['/a/', '/b/']);
});

test('one typo in a word of five letters or more (after stemming) is forgiven', () => {
  for (const query of ['наставнек', 'наставнеков', 'наствник', 'насставник', 'натсавник', 'НАСТАВНЕКАМ']) {
    const { results, matcher } = search.search(index, query + ' ');
    assert.equal(results[0] && results[0].doc.u, '/mentors/', query);
    assert.ok(matcher('наставник'), query);
  }
  // Short stems are not corrected: «банг» is not «банк».
  assert.equal(search.search(index, 'банг ').results.length, 0);
  // Two edits are too many.
  assert.equal(search.search(index, 'нистивник ').results.length, 0);
  assert.ok(search.oneEdit('абвгд', 'абвдг') && search.oneEdit('абвгд', 'абвд') && search.oneEdit('абвгд', 'абвгде'));
  assert.ok(!search.oneEdit('абвгд', 'абгвдж') && !search.oneEdit('абвгд', 'бавгдж'));
});

test('exact matches rank before prefix and corrected ones', () => {
  const idx = makeIndex([
    { t: 'Олимпиадники', u: '/prefix/', s: '', x: '' }, { t: 'Точно', u: '/exact/', s: '', x: '' },
    { t: 'Рядом', u: '/near/', s: '', x: '' },
  ], { 'олимпиад': [1, 3], 'олимпиадник': [0, 90], 'олимпиан': [2, 80] }, []);
  // Still typing «олимпиад»: the exact stem first, though the prefix match scores more.
  assert.deepEqual(search.search(idx, 'олимпиад').results.map((r) => [r.doc.u, r.exact]), [['/exact/', 1], ['/prefix/', 0]]);
  // A whole word that exists is not corrected.
  assert.deepEqual(search.search(idx, 'олимпиада ').results.map((r) => r.doc.u), ['/exact/']);
  // A typo: both stems one edit away, by score.
  assert.deepEqual(search.search(idx, 'олимпиак ').results.map((r) => r.doc.u), ['/near/', '/exact/']);
});

test('the last word as typed finds pages by prefix', () => {
  const { results, matcher } = search.search(index, 'настав');
  assert.ok(results.length >= 2);
  assert.equal(results[0].doc.u, '/mentors/');
  assert.ok(matcher('наставник') && matcher('наставля'));
  assert.ok(!matcher('банк'));
  // «банк наставл»: the last word is still being typed; «банк» is whole.
  const typing = search.search(index, 'банк наставл');
  assert.ok(typing.matcher('наставля') && typing.matcher('банк'));
  assert.deepEqual(search.queryTerms('банк наставл').map((t) => t.last), [false, true]);
  assert.deepEqual(search.queryTerms('банк наставл ').map((t) => t.last), [false, false]);
});

test('a sharded index loads the manifest, then only the fragments a query needs', async () => {
  const docs = Array.from({ length: 10 }, (_, i) => ({ s: '', t: 'Страница ' + i, u: '/p' + i + '/', x: 'текст ' + i }));
  const whole = makeIndex(docs, {
    'банк': [0, 10, 9, 20], 'елк': [3, 5], 'наставник': [1, 7, 2, 8], 'наставля': [4, 9], 'праздник': [5, 1],
  }, ['для']);
  // vocab: банк елк наставник наставля праздник; fragments: [банк елк] [наставник наставля] [праздник]
  const manifest = { d: 4, n: 10, shards: [0, 2, 4], stop: whole.stop, v: 2, vocab: whole.vocab };
  const files = {
    '/search-index.json': manifest,
    'http://localhost/search/t-0.json': whole.terms.slice(0, 2),
    'http://localhost/search/t-1.json': whole.terms.slice(2, 4),
    'http://localhost/search/t-2.json': whole.terms.slice(4),
  };
  for (let k = 0; k < 3; k++) files['http://localhost/search/d-' + k + '.json'] = docs.slice(k * 4, k * 4 + 4);
  const fetched = [];
  const store = search.store('/search-index.json', (url) => {
    fetched.push(url);
    return url in files ? Promise.resolve(files[url]) : Promise.reject(new Error('404 ' + url));
  });
  const answer = await store.search('наставника');
  assert.deepEqual(answer.found.results.map((r) => r.index), [2, 1]);
  assert.deepEqual(fetched, ['/search-index.json', 'http://localhost/search/t-1.json']);
  await store.records(answer.index, answer.found.results);
  assert.deepEqual(answer.found.results.map((r) => r.doc.u), ['/p2/', '/p1/']);
  assert.deepEqual(fetched.slice(2), ['http://localhost/search/d-0.json']);
  // A second query reuses what is loaded; «банк» needs fragment 0 and pages 0 and 9.
  const bank = await store.search('банк ');
  await store.records(bank.index, bank.found.results);
  assert.deepEqual(bank.found.results.map((r) => r.doc.u), ['/p9/', '/p0/']);
  assert.deepEqual(fetched.slice(3), ['http://localhost/search/t-0.json', 'http://localhost/search/d-2.json']);
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

test('the shared test vectors (Tests/Fixtures/search-vectors.json, also run by the Swift tests)', async () => {
  const { readFileSync } = await import('node:fs');
  const file = JSON.parse(readFileSync(new URL('../Fixtures/search-vectors.json', import.meta.url), 'utf8'));
  assert.ok(file.vectors.length >= 10);
  const stop = new Set(file.stop);
  for (const v of file.vectors) {
    const words = search.tokenise(v.text).map((t) => t.word).filter((w) => !stop.has(w));
    assert.deepEqual(words, v.words, v.text);
    assert.deepEqual(words.map(stemRu), v.stems, v.text);
    assert.deepEqual(search.queryStems(v.text, file.stop), [...new Set(v.stems)], v.text);
  }
});
