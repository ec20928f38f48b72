/*
 * The search page (an element #search-results; the page loads stemmer-ru.js and search.js
 * before this file): reads ?q= from the address, runs it with portalSearch.store (the manifest
 * /search-index.json once, then the fragments each query needs) and lists the results: title,
 * section and a snippet around the first match, the matched words in <mark>, PAGE_SIZE at a time
 * with a «Показать ещё» button for the next ones. Typing in the page's search field updates the
 * results (debounced) and the address (history.replaceState); the number found is announced in a
 * status region; ArrowDown/ArrowUp move between the field and the results, Escape goes back to
 * the field. Nothing from the index or the query is inserted as HTML: only text nodes.
 *
 * The index's address: the results element's data-index, else search-index.json at the top of the
 * site, which may be a subfolder of its host: a page of a site published at /nastavnichestvo/ says
 * so in <meta name="portal-base-path">. The fragments are found beside the manifest.
 */
(function (root) {
  'use strict';

  var PAGE_SIZE = 20;
  var DEBOUNCE_MS = 200;

  /** The path the site is published under ('/' or '/nastavnichestvo/'), from the page. */
  function basePath(doc) {
    var meta = doc.querySelector('meta[name="portal-base-path"]');
    var base = meta ? meta.getAttribute('content') || '' : '';
    return /^\/([^\/?#"<>\\]+\/)*$/.test(base) ? base : '/';
  }

  function init(doc, win) {
    var S = root.portalSearch;
    var container = doc.getElementById('search-results');
    if (!container || !S) return;
    var indexURL = container.getAttribute('data-index') || basePath(doc) + 'search-index.json';
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

    var index = S.store(indexURL, function (url) {
      return win.fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      });
    });
    var loading = false;

    var runs = 0;
    function run(q) {
      var mine = ++runs;
      q = q.trim();
      if (!q) {
        clear(container);
        status.textContent = 'Введите слово или несколько слов для поиска.';
        return Promise.resolve();
      }
      if (!loading) { loading = true; status.textContent = 'Загрузка поискового индекса…'; }
      return index.search(q).then(function (answer) {
        if (mine !== runs) return undefined; // a newer query is on its way
        var results = answer.found.results;
        return index.records(answer.index, results.slice(0, PAGE_SIZE)).then(function () {
          if (mine === runs) render(answer, q);
        });
      }).catch(function () {
        if (mine !== runs) return;
        clear(container);
        status.textContent = 'Не удалось загрузить поисковый индекс. Обновите страницу или воспользуйтесь меню сайта.';
      });
    }

    function plural(n, forms) { return S.pluralRu(n, forms); }
    var PAGES = ['страница', 'страницы', 'страниц'];

    function render(answer, q) {
      var found = answer.found;
      var results = found.results;
      clear(container);
      if (!results.length) {
        status.textContent = 'По запросу «' + q + '» ничего не найдено.';
        return;
      }
      var all = results.filter(function (r) { return r.matched === found.stems.length; }).length;
      var list = doc.createElement('ol');
      list.className = 'search-results__list';
      container.appendChild(list);
      var shown = 0;
      var more = null;
      function showNext() {
        var next = results.slice(shown, shown + PAGE_SIZE);
        return index.records(answer.index, next).then(function () {
          var firstNew = null;
          next.forEach(function (r) {
            if (!r.doc) return;
            var li = item(r, found.matcher);
            list.appendChild(li);
            if (!firstNew) firstNew = li.querySelector('a');
          });
          shown += next.length;
          if (shown < results.length) {
            if (!more) {
              more = doc.createElement('button');
              more.type = 'button';
              more.className = 'button search-results__more';
              more.addEventListener('click', function () {
                showNext().then(function (link) {
                  if (link) link.focus();
                  status.textContent = 'Показаны ' + shown + ' из ' + results.length + '.';
                });
              });
              container.appendChild(more);
            }
            more.textContent = 'Показать ещё ' + Math.min(PAGE_SIZE, results.length - shown);
          } else if (more) {
            more.parentNode.removeChild(more);
            more = null;
          }
          return firstNew;
        });
      }
      showNext();
      var n = results.length;
      var message = 'По запросу «' + q + '» ' + plural(n, ['найдена', 'найдены', 'найдено']) + ' ' + n + ' ' +
        plural(n, PAGES) + '.';
      if (found.stems.length > 1 && all < n) {
        message += all ? ' Сначала ' + all + ' ' + plural(all, PAGES) + ' со всеми словами запроса.'
          : ' Ни на одной странице нет всех слов запроса: показаны страницы с некоторыми из них.';
      }
      if (n > PAGE_SIZE) message += ' Показаны первые ' + PAGE_SIZE + '.';
      status.textContent = message;
    }

    function item(r, matcher) {
      var li = doc.createElement('li');
      li.className = 'search-result';
      var h = doc.createElement('h2');
      h.className = 'search-result__title';
      var a = doc.createElement('a');
      a.href = S.safeURL(r.doc.u);
      append(a, S.highlight(r.doc.t, matcher));
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
        append(p, S.snippet(text, matcher));
        li.appendChild(p);
      }
      return li;
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
      // Fetch the manifest as soon as the field is used, so the first results come without a wait.
      input.addEventListener('focus', function () { index.manifest().catch(function () { /* run() reports it */ }); });
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

  root.portalSearchPage = { init: init, basePath: basePath };
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    var start = function () { init(document, window); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
