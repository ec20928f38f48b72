/*
 * Snowball Russian stemmer (https://snowballstem.org/algorithms/russian/stemmer.html),
 * plain browser JavaScript. Defines globalThis.stemRu(word) and, under node,
 * module.exports = stemRu. Mirrors Sources/PortalSearch/RussianStemmer.swift; both are
 * tested against the Snowball reference vocabulary in Tests/Fixtures/snowball-ru.
 *
 * Input is lowercased and "ё" folded to "е". Words without a Russian vowel
 * (а е и о у ы э ю я), such as Latin-script words, have an empty RV region and come
 * back unchanged apart from lowercasing.
 */
(function (root) {
  'use strict';

  var VOWELS = 'аеиоуыэюя';

  // Suffix groups. Each `among` picks the LONGEST listed suffix that ends the word and
  // lies inside RV; if that one's condition fails, the step fails (no shorter retry).
  // "Group 1" suffixes are removed only when preceded by "а" or "я" (also inside RV).
  var PERFECTIVE_GERUND_1 = ['в', 'вши', 'вшись'];
  var PERFECTIVE_GERUND_2 = ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'];
  var ADJECTIVE = ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им',
    'ым', 'ом', 'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею'];
  var PARTICIPLE_1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
  var PARTICIPLE_2 = ['ивш', 'ывш', 'ующ'];
  var REFLEXIVE = ['ся', 'сь'];
  var VERB_1 = ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют',
    'ны', 'ть', 'ешь', 'нно'];
  var VERB_2 = ['ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил',
    'ыл', 'им', 'ым', 'ен', 'ило', 'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить',
    'ыть', 'ишь', 'ую', 'ю'];
  var NOUN = ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией',
    'ей', 'ой', 'ий', 'й', 'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях',
    'ы', 'ь', 'ию', 'ью', 'ю', 'ия', 'ья', 'я'];
  var DERIVATIONAL = ['ост', 'ость'];

  // Builds a matcher that finds the longest suffix of `w` (from either list) starting at
  // or after `limit`; returns { len, afterAYa } or null. `afterAYa` marks suffixes from
  // the first list, which need a preceding "а"/"я".
  function among(afterAYa, plain) {
    var list = afterAYa.map(function (s) { return { s: s, afterAYa: true }; })
      .concat(plain.map(function (s) { return { s: s, afterAYa: false }; }));
    list.sort(function (a, b) { return b.s.length - a.s.length; });
    return function (w, limit) {
      for (var i = 0; i < list.length; i++) {
        var s = list[i].s;
        if (w.length - s.length >= limit && w.endsWith(s)) return { len: s.length, afterAYa: list[i].afterAYa };
      }
      return null;
    };
  }

  var perfectiveGerund = among(PERFECTIVE_GERUND_1, PERFECTIVE_GERUND_2);
  var adjective = among([], ADJECTIVE);
  var participle = among(PARTICIPLE_1, PARTICIPLE_2);
  var reflexive = among([], REFLEXIVE);
  var verb = among(VERB_1, VERB_2);
  var noun = among([], NOUN);
  var derivational = among([], DERIVATIONAL);

  // Applies a matcher; a suffix marked afterAYa also needs "а"/"я" before it, inside RV
  // (that letter stays). Returns the shortened word, or null when the step fails.
  function removeEnding(matcher, w, rv) {
    var m = matcher(w, rv);
    if (!m) return null;
    var start = w.length - m.len;
    if (m.afterAYa) {
      var prev = w.charAt(start - 1);
      if (start - 1 < rv || (prev !== 'а' && prev !== 'я')) return null;
    }
    return w.slice(0, start);
  }

  function isVowel(ch) { return VOWELS.indexOf(ch) >= 0; }

  function stemRu(word) {
    var w = String(word).toLowerCase().replace(/ё/g, 'е');

    // RV: after the first vowel. R2: R1 of R1 (R1 = after first non-vowel following a vowel).
    var n = w.length, i = 0, rv = n, r2 = n;
    while (i < n && !isVowel(w[i])) i++;
    if (i < n) {
      rv = ++i;
      while (i < n && isVowel(w[i])) i++;
      if (i < n) {
        i++; // R1 starts here
        while (i < n && !isVowel(w[i])) i++;
        if (i < n) {
          i++;
          while (i < n && isVowel(w[i])) i++;
          if (i < n) r2 = i + 1;
        }
      }
    }
    if (rv >= n) return w;

    // Step 1.
    var r = removeEnding(perfectiveGerund, w, rv);
    if (r !== null) {
      w = r;
    } else {
      r = removeEnding(reflexive, w, rv);
      if (r !== null) w = r; // kept even if nothing below matches, as in Snowball
      r = removeEnding(adjective, w, rv);
      if (r !== null) {
        w = r;
        r = removeEnding(participle, w, rv);
        if (r !== null) w = r;
      } else {
        r = removeEnding(verb, w, rv);
        if (r === null) r = removeEnding(noun, w, rv);
        if (r !== null) w = r;
      }
    }

    // Step 2: a final "и".
    if (w.length - 1 >= rv && w.endsWith('и')) w = w.slice(0, -1);

    // Step 3: derivational "ост"/"ость" inside R2.
    var d = derivational(w, rv);
    if (d && w.length - d.len >= r2) w = w.slice(0, w.length - d.len);

    // Step 4: superlative "ейш(е)" then "нн" -> "н"; or "нн" -> "н"; or a final "ь".
    var t = tidyUpMatch(w, rv);
    if (t === 'sup') {
      w = w.slice(0, w.endsWith('ейше') ? -4 : -3);
      if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
    } else if (t === 'n') {
      if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
    } else if (t === 'soft') {
      w = w.slice(0, -1);
    }
    return w;
  }

  // tidy_up's among: longest of "ейше", "ейш", "н", "ь" inside RV.
  function tidyUpMatch(w, rv) {
    if (w.length - 4 >= rv && w.endsWith('ейше')) return 'sup';
    if (w.length - 3 >= rv && w.endsWith('ейш')) return 'sup';
    if (w.length - 1 >= rv && w.endsWith('н')) return 'n';
    if (w.length - 1 >= rv && w.endsWith('ь')) return 'soft';
    return null;
  }

  root.stemRu = stemRu;
  if (typeof module !== 'undefined' && module.exports) module.exports = stemRu;
})(typeof globalThis !== 'undefined' ? globalThis : this);
