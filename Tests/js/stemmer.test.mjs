// node --test Tests/js/
// Checks Themes/default/assets/js/stemmer-ru.js against the Snowball reference vocabulary in
// Tests/Fixtures/snowball-ru (voc.txt: words; output.txt: expected stem on the same line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const stemRu = require('../../Themes/default/assets/js/stemmer-ru.js');

function lines(name) {
  const text = readFileSync(new URL(`../Fixtures/snowball-ru/${name}`, import.meta.url), 'utf8');
  const list = text.split('\n');
  if (list[list.length - 1] === '') list.pop();
  return list;
}

test('agrees with the Snowball vocabulary', () => {
  const words = lines('voc.txt');
  const stems = lines('output.txt');
  assert.equal(words.length, stems.length, 'voc.txt and output.txt differ in length');
  assert.ok(words.length > 40000, `vocabulary looks truncated: ${words.length} words`);
  const mismatches = [];
  let count = 0;
  words.forEach((word, i) => {
    const actual = stemRu(word);
    if (actual !== stems[i]) {
      count++;
      if (mismatches.length < 20) mismatches.push(`${word}: expected ${stems[i]}, got ${actual}`);
    }
  });
  assert.equal(count, 0,
    `${count} of ${words.length} words stem differently from Snowball; first ones:\n${mismatches.join('\n')}`);
});

test('the capitalised vocabulary gives the same stems', () => {
  const words = lines('voc.txt');
  const stems = lines('output.txt');
  const mismatches = [];
  words.forEach((word, i) => {
    const actual = stemRu(word.toUpperCase());
    if (actual !== stems[i] && mismatches.length < 20) {
      mismatches.push(`${word.toUpperCase()}: expected ${stems[i]}, got ${actual}`);
    }
  });
  assert.deepEqual(mismatches, []);
});

test('inflections share a stem', () => {
  for (const word of ['наставника', 'наставники', 'наставниками', 'наставникам']) {
    assert.equal(stemRu(word), 'наставник', word);
  }
});

test('ё is folded to е and input is lowercased', () => {
  assert.equal(stemRu('ёлка'), stemRu('елка'));
  assert.equal(stemRu('Ёлка'), 'елк');
  assert.equal(stemRu('НАСТАВНИКАМИ'), 'наставник');
});

test('non-Cyrillic words pass through', () => {
  assert.equal(stemRu('swift'), 'swift');
  assert.equal(stemRu('Portal'), 'portal');
  assert.equal(stemRu('2024'), '2024');
  assert.equal(stemRu(''), '');
  assert.equal(stemRu('ĀÉÎ'), 'āéî');
});

test('other scripts inside a word are kept', () => {
  // Ukrainian і and ї: і is not a Russian vowel.
  assert.equal(stemRu('ІНШІ'), 'інші');
  assert.equal(stemRu('ЇЖАКАМИ'), 'їжак');
  assert.equal(stemRu('swift-книгами'), 'swift-книг');
  assert.equal(stemRu('😀книгами'), '😀книг');
});

test('defines globalThis.stemRu', () => {
  assert.equal(typeof globalThis.stemRu, 'function');
});
