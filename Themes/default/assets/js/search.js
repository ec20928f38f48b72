/*
 * Site search in the browser: no server, no external service. The pure part (under node,
 * module.exports, for Tests/js/search.test.mjs); search-page.js drives the search page with it.
 *
 * The index (written at build time by Sources/PortalSearch, whose SearchIndex.swift header
 * describes the format) is a manifest, /search-index.json, with the sorted vocabulary of stems,
 * and either everything else inline (a small site: one request) or fragments that a query loads
 * as it needs them: the postings of the stems it uses (search/t-K.json) and the records of the
 * results it shows (search/d-K.json).
 *
 * A query's words are stemmed with the Snowball Russian stemmer (stemRu). For each word:
 * - its stem, when the vocabulary has it (an exact match);
 * - else, for a stem of 5 letters or more, the stems one edit away (a letter inserted, deleted,
 *   replaced, or two neighbours swapped): «наставнек» finds «наставник»;
 * - the last word of the query as typed (3 letters or more, the query not ending in a space)
 *   also finds every stem starting with it: «настав» finds «наставник», «наставничеств»;
 *   a word with neither an exact match nor a typo match is looked up so too.
 * Pages are ranked by how many of the query's words they have, then by how many of them match
 * exactly, then by the sum of their BM25 scores (a typo match counts 0.6, a prefix match 0.5),
 * then in index order. Highlighting marks the words whose stems matched.
 *
 * Words are found exactly as the index builder finds them (Tests/Fixtures/search-vectors.json
 * holds cases both test suites run): runs of letters and digits, with combining accents and soft
 * hyphens ignored inside a word, lowercased, «ё» read as «е», at least 2 characters (a number may
 * be shorter) and at most 32, not a stop word (the manifest lists them).
 */
(function (root) {
  'use strict';

  var MIN_WORD = 2;
  var MAX_WORD = 32;
  var PREFIX_MIN = 3; // a last word this long also finds the stems it starts
  var TYPO_MIN = 5; // a stem this long also finds the stems one edit away
  var MAX_PREFIX = 40; // stems a prefix may expand to
  var MAX_TYPOS = 6; // stems a word may be corrected to
  var TYPO_FACTOR = 0.6;
  var PREFIX_FACTOR = 0.5;
  var SNIPPET_LENGTH = 220;
  var SNIPPET_LEAD = 60; // characters of context before the first match

  var WORD_RE = /[\p{L}\p{N}\u0300-\u036f\u00ad]+/gu;
  var MARKS_RE = /[\u0300-\u036f\u00ad]/g;
  var DIGITS_RE = /^\p{N}+$/u;

  function stemFunction() {
    if (typeof root.stemRu === 'function') return root.stemRu;
    if (typeof require === 'function') return require('./stemmer-ru.js');
    throw new Error('search.js needs stemmer-ru.js (stemRu) loaded first');
  }

  var stemCache = new Map();
  function stem(word) {
    var s = stemCache.get(word);
    if (s === undefined) {
      s = stemFunction()(word);
      if (stemCache.size > 20000) stemCache.clear();
      stemCache.set(word, s);
    }
    return s;
  }

  /** The normal form of one word: NFC, lowercase, ё → е, no accents or soft hyphens. */
  function normaliseWord(word) {
    // (toLowerCase writes a word-final Greek sigma as ς; the index builder, letter by letter, as σ)
    return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/ς/g, 'σ').replace(MARKS_RE, '');
  }

  /**
   * The words of `text` as the index sees them: [{word, start, end}], `word` normalised,
   * start/end offsets into `text`. Stop words are still there (see queryTerms).
   */
  function tokenise(text) {
    var tokens = [];
    var s = String(text == null ? '' : text);
    WORD_RE.lastIndex = 0;
    var m;
    while ((m = WORD_RE.exec(s)) !== null) {
      var word = normaliseWord(m[0]);
      var length = Array.from(word).length;
      if (length === 0 || length > MAX_WORD) continue;
      if (length < MIN_WORD && !DIGITS_RE.test(word)) continue;
      tokens.push({ word: word, start: m.index, end: m.index + m[0].length });
    }
    return tokens;
  }

  /**
   * The distinct words of a query with their stems, [{word, stem, last}], without stop words;
   * `last` marks the query's last word when the query does not end in a space (still typed).
   */
  function queryTerms(query, stopWords) {
    var stop = stopWords instanceof Set ? stopWords : new Set(stopWords || []);
    var q = String(query == null ? '' : query);
    var tokens = tokenise(q);
    var open = tokens.length > 0 && tokens[tokens.length - 1].end === q.length;
    var seen = new Map();
    var terms = [];
    tokens.forEach(function (t, i) {
      if (stop.has(t.word)) return;
      var s = stem(t.word);
      var last = open && i === tokens.length - 1;
      if (seen.has(s)) { if (last) seen.get(s).last = true; return; }
      var term = { word: t.word, stem: s, last: last };
      seen.set(s, term);
      terms.push(term);
    });
    return terms;
  }

  /** The distinct stems of a query, in order, without stop words. */
  function queryStems(query, stopWords) {
    return queryTerms(query, stopWords).map(function (t) { return t.stem; });
  }

  /** Compares strings by code points (the index sorts its vocabulary by UTF-8 bytes: the same). */
  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      var xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1; // a surrogate (above U+FFFF) sorts after the rest of the BMP
      return x - y;
    }
    return a.length - b.length;
  }

  // What is built once per manifest: the stems' ids, the stop words, stems by length.
  var prepared = typeof WeakMap === 'function' ? new WeakMap() : null;
  function prepare(index) {
    var p = prepared && prepared.get(index);
    if (p) return p;
    var vocab = index.vocab || [];
    p = { vocab: vocab, ids: new Map(), stop: new Set(index.stop || []), byLength: new Map() };
    vocab.forEach(function (s, i) {
      p.ids.set(s, i);
      var chars = Array.from(s);
      var list = p.byLength.get(chars.length);
      if (!list) { list = []; p.byLength.set(chars.length, list); }
      list.push({ id: i, chars: chars });
    });
    if (prepared) prepared.set(index, p);
    return p;
  }

  /** Whether `a` and `b` (arrays of characters) are at most one edit apart (insert, delete, replace, swap). */
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (i === la && i === lb) return true; // equal
    if (la === lb) {
      if (a.slice(i + 1).join('') === b.slice(i + 1).join('')) return true; // replace
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2).join('') === b.slice(i + 2).join('');
    }
    var longer = la > lb ? a : b, shorter = la > lb ? b : a;
    return longer.slice(i + 1).join('') === shorter.slice(i).join(''); // insert or delete
  }

  /** Ids of the stems one edit away from `s` (not `s` itself), at most MAX_TYPOS, in vocabulary order. */
  function typoIds(p, s) {
    var chars = Array.from(s);
    var found = [];
    [chars.length - 1, chars.length, chars.length + 1].forEach(function (n) {
      (p.byLength.get(n) || []).forEach(function (entry) {
        if (oneEdit(chars, entry.chars) && p.vocab[entry.id] !== s) found.push(entry.id);
      });
    });
    return found.sort(function (x, y) { return x - y; }).slice(0, MAX_TYPOS);
  }

  /** Ids of the stems starting with `prefix` (a run of the sorted vocabulary), at most MAX_PREFIX. */
  function prefixIds(p, prefix) {
    var vocab = p.vocab, lo = 0, hi = vocab.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compare(vocab[mid], prefix) < 0) lo = mid + 1; else hi = mid;
    }
    var found = [];
    for (var i = lo; i < vocab.length && vocab[i].lastIndexOf(prefix, 0) === 0 && found.length < MAX_PREFIX; i++) found.push(i);
    return found;
  }

  /**
   * Which stems of the index each query word uses: [{term, uses: [{id, factor, exact}]}].
   * `terms` are queryTerms() or plain stems (exact lookups only).
   */
  function plan(index, terms) {
    var p = prepare(index);
    return terms.map(function (t) {
      var term = typeof t === 'string' ? { word: t, stem: t, last: false } : t;
      var uses = [];
      var have = new Set();
      function use(id, factor, exact) { if (!have.has(id)) { have.add(id); uses.push({ id: id, factor: factor, exact: exact }); } }
      var id = p.ids.get(term.stem);
      if (id !== undefined) use(id, 1, true);
      else if (typeof t !== 'string' && Array.from(term.stem).length >= TYPO_MIN) {
        typoIds(p, term.stem).forEach(function (i) { use(i, TYPO_FACTOR, false); });
      }
      if (typeof t !== 'string' && (term.last || !uses.length)) {
        [term.word, term.stem].some(function (prefix) {
          if (Array.from(prefix).length < PREFIX_MIN) return false;
          var ids = prefixIds(p, prefix);
          ids.forEach(function (i) { use(i, PREFIX_FACTOR, false); });
          return ids.length > 0;
        });
      }
      return { term: term, uses: uses };
    });
  }

  /** The term fragments a plan needs (their numbers), none for an index with its terms inline. */
  function shardsFor(index, planned) {
    if (index.terms) return [];
    var shards = index.shards || [0];
    var need = new Set();
    planned.forEach(function (q) {
      q.uses.forEach(function (u) {
        var lo = 0, hi = shards.length - 1;
        while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (shards[mid] <= u.id) lo = mid; else hi = mid - 1; }
        need.add(lo);
      });
    });
    return Array.from(need).sort(function (a, b) { return a - b; });
  }

  /** The postings of stem `id`: from the inline terms, or from the loaded fragments `loaded` (k → lists). */
  function postingsOf(index, id, loaded) {
    if (index.terms) return index.terms[id] || [];
    var shards = index.shards || [0];
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (shards[mid] <= id) lo = mid; else hi = mid - 1; }
    var shard = loaded && (loaded.get ? loaded.get(lo) : loaded[lo]);
    return (shard && shard[id - shards[lo]]) || [];
  }

  /**
   * Scores the pages for a plan: { results: [{index, score, matched, exact}], matcher, stems }:
   * pages with more of the query's words first (those with all of them: the AND part; then the
   * OR part), then those with more exact matches, then by score, then index order.
   * `matcher(stem)` says whether a word with that stem counts as found, for highlighting.
   */
  function rank(index, planned, loaded) {
    var byDoc = new Map();
    var matchedStems = new Set();
    planned.forEach(function (q, qi) {
      q.uses.forEach(function (u) {
        var postings = postingsOf(index, u.id, loaded);
        if (postings.length) matchedStems.add(index.vocab[u.id]);
        var d = 0;
        for (var i = 0; i + 1 < postings.length; i += 2) {
          d += postings[i];
          var w = postings[i + 1] * u.factor;
          var entry = byDoc.get(d);
          if (!entry) { entry = new Map(); byDoc.set(d, entry); }
          var old = entry.get(qi);
          if (!old || w > old.w) entry.set(qi, { w: w, exact: u.exact || (old && old.exact) });
          else if (u.exact) old.exact = true;
        }
      });
    });
    var results = [];
    var count = index.n !== undefined ? index.n : (index.docs || []).length;
    byDoc.forEach(function (best, d) {
      if (d >= count) return;
      var total = 0, exact = 0;
      best.forEach(function (m) { total += m.w; if (m.exact) exact++; });
      results.push({ index: d, score: total, matched: best.size, exact: exact,
        doc: index.docs ? index.docs[d] : undefined });
    });
    results.sort(function (a, b) {
      return (b.matched - a.matched) || (b.exact - a.exact) || (b.score - a.score) || (a.index - b.index);
    });
    return {
      results: results,
      matcher: function (s) { return matchedStems.has(s); },
      stems: planned.map(function (q) { return q.term.stem; })
    };
  }

  var NOTHING = { results: [], matcher: function () { return false; }, stems: [] };

  /** Scores the pages for `terms` (queryTerms() or plain stems) in an index with its terms inline. */
  function score(index, terms) {
    return rank(index, plan(index, terms));
  }

  /** Runs a text query against an index with everything inline (a small site; the tests). */
  function search(index, query) {
    var terms = queryTerms(query, prepare(index).stop);
    if (!terms.length) return NOTHING;
    return score(index, terms);
  }

  /**
   * A loader of an index by URL: `fetchJSON(url)` returns a promise of the parsed file; fragment
   * URLs are resolved against the manifest's. Each file is fetched once.
   */
  function store(manifestURL, fetchJSON) {
    var cache = new Map();
    function get(url) {
      if (!cache.has(url)) {
        var promise = fetchJSON(url);
        promise.catch(function () { cache.delete(url); });
        cache.set(url, promise);
      }
      return cache.get(url);
    }
    var page = root.location && root.location.href ? root.location.href : 'http://localhost/';
    function relative(path) { return new URL(path, new URL(manifestURL, page)).href; }
    var self = {
      manifest: function () { return get(manifestURL); },
      /** Runs `query`: the manifest, then the term fragments it needs. */
      search: function (query) {
        return self.manifest().then(function (index) {
          var terms = queryTerms(query, prepare(index).stop);
          if (!terms.length) return { index: index, found: NOTHING };
          var planned = plan(index, terms);
          var shards = shardsFor(index, planned);
          return Promise.all(shards.map(function (k) { return get(relative('search/t-' + k + '.json')); })).then(function (lists) {
            var loaded = new Map();
            shards.forEach(function (k, i) { loaded.set(k, lists[i]); });
            return { index: index, found: rank(index, planned, loaded) };
          });
        });
      },
      /** The records of `results` (filled in place), loading the fragments they are in. */
      records: function (index, results) {
        if (index.docs) return Promise.resolve(results);
        var per = index.d || 1;
        var need = Array.from(new Set(results.map(function (r) { return Math.floor(r.index / per); })));
        return Promise.all(need.map(function (k) { return get(relative('search/d-' + k + '.json')); })).then(function (lists) {
          var byFragment = new Map();
          need.forEach(function (k, i) { byFragment.set(k, lists[i]); });
          results.forEach(function (r) { r.doc = (byFragment.get(Math.floor(r.index / per)) || [])[r.index % per]; });
          return results;
        });
      }
    };
    return self;
  }

  function toMatcher(m) {
    if (typeof m === 'function') return m;
    var set = new Set(m || []);
    return function (s) { return set.has(s); };
  }

  /** `text` cut into [{text, mark}] pieces, the words whose stems match marked. */
  function highlight(text, matcher) {
    return segments(String(text == null ? '' : text), 0, String(text == null ? '' : text).length, toMatcher(matcher));
  }

  function segments(text, from, to, match) {
    var out = [];
    var pos = from;
    tokenise(text.slice(from, to)).forEach(function (t) {
      if (!match(stem(t.word))) return;
      var s = from + t.start, e = from + t.end;
      if (s > pos) out.push({ text: text.slice(pos, s), mark: false });
      out.push({ text: text.slice(s, e), mark: true });
      pos = e;
    });
    if (pos < to) out.push({ text: text.slice(pos, to), mark: false });
    return out;
  }

  /**
   * A snippet of about `length` characters of `text` around the first word whose stem matches
   * (from the start when none does), as [{text, mark}] with "…" where text was left out.
   */
  function snippet(text, matcher, length) {
    var s = String(text == null ? '' : text);
    var size = length || SNIPPET_LENGTH;
    var match = toMatcher(matcher);
    var tokens = tokenise(s);
    var first = null;
    for (var i = 0; i < tokens.length; i++) {
      if (match(stem(tokens[i].word))) { first = tokens[i]; break; }
    }
    var start = 0;
    if (first && first.start > SNIPPET_LEAD) {
      start = first.start - SNIPPET_LEAD;
      // begin at a word
      for (var j = 0; j < tokens.length; j++) {
        if (tokens[j].start >= start) { start = tokens[j].start; break; }
      }
      if (s.length - start < size) { // near the end: show the last `size` characters instead
        start = Math.max(0, s.length - size);
        var k = tokens.findIndex(function (t) { return t.start >= start; });
        start = k < 0 || start === 0 ? start : tokens[k].start;
      }
    }
    var end = Math.min(s.length, start + size);
    if (end < s.length) {
      // end after a whole word
      var cut = -1;
      tokens.forEach(function (t) { if (t.end <= end && t.start >= start) cut = t.end; });
      if (cut > start) end = cut;
    }
    var out = segments(s, start, end, match);
    if (start > 0) out.unshift({ text: '…', mark: false });
    if (end < s.length && !/…\s*$/.test(s.slice(start, end))) out.push({ text: '…', mark: false });
    return mergePlain(out);
  }

  function mergePlain(list) {
    var out = [];
    list.forEach(function (seg) {
      var last = out[out.length - 1];
      if (last && !last.mark && !seg.mark) last.text += seg.text;
      else out.push({ text: seg.text, mark: seg.mark });
    });
    return out;
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Pieces as an HTML string, every piece escaped, matches in <mark>. */
  function segmentsToHTML(list) {
    return list.map(function (seg) {
      return seg.mark ? '<mark>' + escapeHTML(seg.text) + '</mark>' : escapeHTML(seg.text);
    }).join('');
  }

  /** Russian plural: pluralRu(3, ['страница', 'страницы', 'страниц']) → 'страницы'. */
  function pluralRu(n, forms) {
    var a = Math.abs(n) % 100, b = a % 10;
    if (a > 10 && a < 20) return forms[2];
    if (b === 1) return forms[0];
    if (b >= 2 && b <= 4) return forms[1];
    return forms[2];
  }

  /** Only site-relative or http(s) links are followed from the index. */
  function safeURL(u) {
    u = String(u || '');
    return /^\/(?!\/)/.test(u) || /^https?:\/\//i.test(u) ? u : '#';
  }


  var api = {
    normaliseWord: normaliseWord,
    tokenise: tokenise,
    queryTerms: queryTerms,
    queryStems: queryStems,
    oneEdit: function (a, b) { return oneEdit(Array.from(a), Array.from(b)); },
    plan: plan,
    shardsFor: shardsFor,
    rank: rank,
    score: score,
    search: search,
    store: store,
    highlight: highlight,
    snippet: snippet,
    segmentsToHTML: segmentsToHTML,
    escapeHTML: escapeHTML,
    pluralRu: pluralRu,
    safeURL: safeURL
  };
  root.portalSearch = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
