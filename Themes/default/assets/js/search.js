/*
 * Site search in the browser: no server, no external service.
 *
 * The search page (an element #search-results; the page loads stemmer-ru.js before this file)
 * reads ?q= from the address, fetches search-index.json (at the site's base path) once (written at build time by
 * Sources/PortalSearch/SearchIndex.swift, whose header describes the format), stems the query
 * words with the Snowball Russian stemmer (stemRu) and lists the pages that have all of them
 * first, then those that have some. Each result shows the title, the section and a snippet
 * around the first match, the matched words in <mark>. Typing in the page's search field
 * updates the results (debounced) and the address (history.replaceState); the number found is
 * announced in an aria-live region; ArrowDown/ArrowUp move between the field and the results.
 * Nothing from the index or the query is inserted as HTML: only text nodes.
 *
 * Under node, module.exports holds the pure functions (tokenise, queryTerms, search, score,
 * snippet, highlight, …) for Tests/js/search.test.mjs.
 *
 * Words are found exactly as the index builder finds them: runs of letters and digits, with
 * combining accents and soft hyphens ignored inside a word, lowercased, «ё» read as «е», at least
 * 2 characters (a number may be shorter) and at most 32, not a stop word (the index lists them).
 */
(function (root) {
  'use strict';

  // The index lies at the top of the site, which may be a subfolder of its host: a page of a
  // site published at /nastavnichestvo/ says so in <meta name="portal-base-path">.
  var INDEX_FILE = 'search-index.json';
  var MIN_WORD = 2;
  var MAX_WORD = 32;
  var PREFIX_MIN = 3; // a query stem this long also finds longer stems when it has no exact match
  var SNIPPET_LENGTH = 220;
  var SNIPPET_LEAD = 60; // characters of context before the first match
  var MAX_RESULTS = 50;
  var DEBOUNCE_MS = 200;

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
   * start/end offsets into `text`. Stop words are still there (see queryStems).
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

  /** The distinct words of a query with their stems, [{word, stem}], without stop words. */
  function queryTerms(query, stopWords) {
    var stop = stopWords instanceof Set ? stopWords : new Set(stopWords || []);
    var seen = new Set();
    var terms = [];
    tokenise(query).forEach(function (t) {
      if (stop.has(t.word)) return;
      var s = stem(t.word);
      if (!seen.has(s)) { seen.add(s); terms.push({ word: t.word, stem: s }); }
    });
    return terms;
  }

  /** The distinct stems of a query, in order, without stop words. */
  function queryStems(query, stopWords) {
    return queryTerms(query, stopWords).map(function (t) { return t.stem; });
  }

  var hasOwn = Object.prototype.hasOwnProperty;

  // Lookup tables built once per index object: sorted term list (for prefixes), stop words.
  var prepared = typeof WeakMap === 'function' ? new WeakMap() : null;
  function prepare(index) {
    var p = prepared && prepared.get(index);
    if (p) return p;
    p = {
      sorted: Object.keys(index.terms || {}).sort(),
      stop: new Set(index.stop || [])
    };
    if (prepared) prepared.set(index, p);
    return p;
  }

  /** Terms of the index starting with `prefix` (binary search over the sorted terms). */
  function termsWithPrefix(sorted, prefix) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    var found = [];
    for (var i = lo; i < sorted.length && sorted[i].lastIndexOf(prefix, 0) === 0 && found.length < 200; i++) {
      found.push(sorted[i]);
    }
    return found;
  }

  /**
   * Scores the index's documents for a query: `terms` are [{word, stem}] (queryTerms) or plain
   * stems. A stem found in the index counts with its weights. A word (3+ letters) whose stem is
   * not in the index counts every stem that starts with the word (or, failing that, with its
   * stem) at half weight, so a word still being typed («настав») already finds something.
   * Returns { results: [{index, doc, score, matched}], matcher, stems }: documents with more of
   * the query's words first (those with all of them: the AND part; then the OR part), then by
   * score, then the shorter page (`n`), then index order. `matcher(stem)` says whether a word
   * with that stem counts as found, for highlighting.
   */
  function score(index, terms) {
    var p = prepare(index);
    var table = index.terms || {};
    var docs = index.docs || [];
    var byDoc = new Map();
    var exact = new Set();
    var prefixes = [];
    terms = terms.map(function (t) { return typeof t === 'string' ? { word: t, stem: t } : t; });
    terms.forEach(function (q, qi) {
      var lists = [];
      if (hasOwn.call(table, q.stem)) {
        exact.add(q.stem);
        lists.push({ postings: table[q.stem], factor: 1 });
      } else {
        var prefix = null, expanded = [];
        [q.word, q.stem].some(function (candidate) {
          if (Array.from(candidate).length < PREFIX_MIN) return false;
          expanded = termsWithPrefix(p.sorted, candidate);
          prefix = candidate;
          return expanded.length > 0;
        });
        if (expanded.length) prefixes.push(prefix);
        expanded.forEach(function (t) { lists.push({ postings: table[t], factor: 0.5 }); });
      }
      lists.forEach(function (list) {
        var postings = list.postings;
        for (var i = 0; i + 1 < postings.length; i += 2) {
          var d = postings[i];
          var w = postings[i + 1] * list.factor;
          var entry = byDoc.get(d);
          if (!entry) { entry = new Map(); byDoc.set(d, entry); }
          if (w > (entry.get(qi) || 0)) entry.set(qi, w);
        }
      });
    });
    var results = [];
    byDoc.forEach(function (best, d) {
      if (!docs[d]) return;
      var total = 0;
      best.forEach(function (w) { total += w; });
      results.push({ index: d, doc: docs[d], score: total, matched: best.size });
    });
    results.sort(function (a, b) {
      return (b.matched - a.matched) || (b.score - a.score) || ((a.doc.n || 0) - (b.doc.n || 0)) ||
        (a.index - b.index);
    });
    function matcher(s) {
      if (exact.has(s)) return true;
      for (var i = 0; i < prefixes.length; i++) if (s.lastIndexOf(prefixes[i], 0) === 0) return true;
      return false;
    }
    return { results: results, matcher: matcher, stems: terms.map(function (t) { return t.stem; }) };
  }

  /** Runs a text query against the index: score() of its stems. */
  function search(index, query) {
    var terms = queryTerms(query, prepare(index).stop);
    if (!terms.length) return { results: [], matcher: function () { return false; }, stems: [] };
    return score(index, terms);
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
  /** The path the site is published under ('/' or '/nastavnichestvo/'), from the page. */
  function basePath(doc) {
    var meta = doc.querySelector('meta[name="portal-base-path"]');
    var base = meta ? meta.getAttribute('content') || '' : '';
    return /^\/([^\/?#"<>\\]+\/)*$/.test(base) ? base : '/';
  }

  function safeURL(u) {
    u = String(u || '');
    return /^\/(?!\/)/.test(u) || /^https?:\/\//i.test(u) ? u : '#';
  }

  // ------------------------------------------------------------------ the page

  function init(doc, win) {
    var container = doc.getElementById('search-results');
    if (!container) return;
    var indexURL = container.getAttribute('data-index') || basePath(doc) + INDEX_FILE;
    var status = doc.getElementById('search-status');
    if (!status) {
      status = doc.createElement('p');
      status.id = 'search-status';
      status.className = 'search-status';
      container.parentNode.insertBefore(status, container);
    }
    // The count is announced from the status line; the list itself must not be a live region
    // (a screen reader would read every result on each keystroke).
    container.removeAttribute('aria-live');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('aria-atomic', 'true');

    var input = doc.querySelector('[data-search-input]') ||
      doc.querySelector('main input[name="q"]') || doc.getElementById('site-search');
    var form = input && input.form;

    var params = new URLSearchParams(win.location.search);
    var query = params.get('q') || '';
    Array.prototype.forEach.call(doc.querySelectorAll('input[name="q"]'), function (el) { el.value = query; });

    var indexPromise = null;
    function loadIndex() {
      if (!indexPromise) {
        indexPromise = win.fetch(indexURL, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        });
      }
      return indexPromise;
    }

    var runs = 0;
    function run(q) {
      var mine = ++runs;
      q = q.trim();
      if (!q) {
        clear(container);
        status.textContent = 'Введите слово или несколько слов для поиска.';
        return Promise.resolve();
      }
      if (!indexPromise) status.textContent = 'Загрузка поискового индекса…';
      return loadIndex().then(function (index) {
        if (mine !== runs) return; // a newer query is on its way
        render(index, q);
      }, function () {
        if (mine !== runs) return;
        clear(container);
        status.textContent = 'Не удалось загрузить поисковый индекс. Обновите страницу или воспользуйтесь меню сайта.';
      });
    }

    function render(index, q) {
      var found = search(index, q);
      var results = found.results;
      clear(container);
      if (!results.length) {
        status.textContent = 'По запросу «' + q + '» ничего не найдено.';
        return;
      }
      var all = found.results.filter(function (r) { return r.matched === found.stems.length; }).length;
      var list = doc.createElement('ol');
      list.className = 'search-results__list';
      results.slice(0, MAX_RESULTS).forEach(function (r) {
        var li = doc.createElement('li');
        li.className = 'search-result';
        var h = doc.createElement('h2');
        h.className = 'search-result__title';
        var a = doc.createElement('a');
        a.href = safeURL(r.doc.u);
        append(a, highlight(r.doc.t, found.matcher));
        h.appendChild(a);
        li.appendChild(h);
        if (r.doc.s) {
          var sec = doc.createElement('p');
          sec.className = 'search-result__section';
          sec.textContent = r.doc.s;
          li.appendChild(sec);
        }
        var text = r.doc.x || '';
        if (text) {
          var p = doc.createElement('p');
          p.className = 'search-result__snippet';
          append(p, snippet(text, found.matcher));
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      container.appendChild(list);
      var n = results.length;
      var message = 'По запросу «' + q + '» ' + pluralRu(n, ['найдена', 'найдены', 'найдено']) + ' ' + n + ' ' +
        pluralRu(n, ['страница', 'страницы', 'страниц']) + '.';
      if (found.stems.length > 1 && all < n) {
        message += all ? ' Сначала ' + all + ' ' + pluralRu(all, ['страница', 'страницы', 'страниц']) +
          ' со всеми словами запроса.'
          : ' Ни на одной странице нет всех слов запроса: показаны страницы с некоторыми из них.';
      }
      if (n > MAX_RESULTS) message += ' Показаны первые ' + MAX_RESULTS + '.';
      status.textContent = message;
    }

    function append(el, list) {
      list.forEach(function (seg) {
        if (seg.mark) {
          var m = doc.createElement('mark');
          m.textContent = seg.text;
          el.appendChild(m);
        } else {
          el.appendChild(doc.createTextNode(seg.text));
        }
      });
    }

    function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

    function updateAddress(q) {
      if (!win.history || !win.history.replaceState) return;
      var url = new URL(win.location.href);
      if (q.trim()) url.searchParams.set('q', q.trim()); else url.searchParams.delete('q');
      win.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }

    var timer = null;
    function onInput() {
      if (timer) win.clearTimeout(timer);
      timer = win.setTimeout(function () {
        timer = null;
        updateAddress(input.value);
        run(input.value);
      }, DEBOUNCE_MS);
    }

    if (input) {
      input.addEventListener('input', onInput);
      // Fetch the index as soon as the field is used, so the first results come without a wait.
      input.addEventListener('focus', function () { loadIndex().catch(function () { /* run() reports it */ }); });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'ArrowDown') {
          var first = container.querySelector('a');
          if (first) { e.preventDefault(); first.focus(); }
        }
      });
      if (form) {
        form.addEventListener('submit', function (e) {
          e.preventDefault();
          if (timer) { win.clearTimeout(timer); timer = null; }
          updateAddress(input.value);
          run(input.value);
        });
      }
    }
    // ArrowUp/ArrowDown between result links; Escape back to the search field.
    container.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape') return;
      var links = Array.prototype.slice.call(container.querySelectorAll('.search-result__title a'));
      var i = links.indexOf(doc.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'Escape' || (e.key === 'ArrowUp' && i === 0)) { if (input) input.focus(); return; }
      var next = links[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
    });

    run(query);
  }

  var api = {
    normaliseWord: normaliseWord,
    tokenise: tokenise,
    queryTerms: queryTerms,
    queryStems: queryStems,
    score: score,
    search: search,
    highlight: highlight,
    snippet: snippet,
    segmentsToHTML: segmentsToHTML,
    escapeHTML: escapeHTML,
    pluralRu: pluralRu,
    safeURL: safeURL,
    basePath: basePath,
    init: init
  };
  root.portalSearch = api;

  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    var start = function () { init(document, window); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
