/*
 * The theme's only script: the phone menu, the version for the visually impaired,
 * the mentor filters. Plain JavaScript, no dependencies; every page works without it.
 */
(function () {
  'use strict';

  var root = document.documentElement;
  var STORAGE_KEY = 'portal-a11y';
  var SETTINGS = ['font', 'scheme', 'spacing', 'images'];

  function $(selector, scope) { return (scope || document).querySelector(selector); }
  function $$(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }

  /* ---------- Storage (may be unavailable: private mode, file://) ---------- */
  function load() {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}') || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* not saved: still applied */ }
  }

  /* ---------- Phone menu ---------- */
  function initMenu() {
    var toggle = $('.nav-toggle');
    var list = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (!toggle || !list) return;
    function set(open) {
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      list.classList.toggle('is-open', open);
    }
    toggle.addEventListener('click', function () {
      set(toggle.getAttribute('aria-expanded') !== 'true');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
        set(false);
        toggle.focus();
      }
    });
  }

  /* ---------- Version for the visually impaired ---------- */
  function initAccessibility() {
    var toggle = $('.a11y-toggle');
    var panel = $('#a11y-panel');
    if (!toggle || !panel) return;
    var state = load();

    function apply() {
      SETTINGS.forEach(function (key) {
        if (state[key]) root.setAttribute('data-' + key, state[key]);
        else root.removeAttribute('data-' + key);
      });
      $$('[data-a11y]', panel).forEach(function (button) {
        var key = button.getAttribute('data-a11y');
        var pressed = (state[key] || '') === button.getAttribute('data-value');
        button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      });
    }
    function setOpen(open) {
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    function customised() {
      return SETTINGS.some(function (key) { return !!state[key]; });
    }

    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      setOpen(open);
      state.open = open;
      save(state);
      if (open) {
        var first = $('[aria-pressed="true"]', panel) || $('button', panel);
        if (first) first.focus();
      }
    });
    panel.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      if (button.hasAttribute('data-a11y-reset')) {
        state = { open: false };
        apply();
        save(state);
        setOpen(false);
        toggle.focus();
        return;
      }
      var key = button.getAttribute('data-a11y');
      if (!key) return;
      state[key] = button.getAttribute('data-value');
      if (!state[key]) delete state[key];
      state.open = true;
      apply();
      save(state);
    });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        setOpen(false);
        state.open = false;
        save(state);
        toggle.focus();
      }
    });

    apply();
    // The panel stays open on the next pages while the special version is on.
    setOpen(state.open === true || (state.open !== false && customised()));
  }

  /* ---------- Mentor filters ---------- */
  function initFilters() {
    var form = $('#mentor-filters');
    var list = form && document.getElementById(form.getAttribute('data-filter-target'));
    if (!form || !list) return;
    var cards = $$('.mentor-card', list);
    var groups = $$('.mentor-group', list);
    var count = $('#mentor-count', form);
    var empty = $('.filters__empty', list);
    var selects = $$('select[data-filter]', form);
    var total = cards.length;

    function matches(card) {
      return selects.every(function (select) {
        var value = select.value;
        if (!value) return true;
        var field = select.getAttribute('data-filter');
        var data = card.getAttribute('data-' + field) || '';
        if (field === 'forms') return data.indexOf(' ' + value + ' ') !== -1;
        if (field === 'subjects') return data.indexOf('|' + value + '|') !== -1;
        return data === value;
      });
    }
    function update() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (group) {
        var visible = $$('.mentor-card', group).filter(function (card) { return !card.hidden; }).length;
        group.hidden = visible === 0;
        // The group's count says how many of it the filter shows («Педагог 2», not the 6 of it).
        var badge = $('.mentor-group__count', group);
        if (badge) badge.textContent = String(visible);
      });
      if (empty) empty.hidden = shown !== 0;
      if (count) {
        count.textContent = shown === total
          ? 'Показаны все наставники: ' + total
          : 'Найдено наставников: ' + shown + ' из ' + total;
      }
    }

    // /mentors/?form=teacher-teacher preselects a filter (links from the forms page).
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && $$('option', select).some(function (o) { return o.value === value; })) select.value = value;
      select.addEventListener('change', update);
    });
    form.addEventListener('reset', function () { window.setTimeout(update, 0); });
    form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
    update();
  }

  /* ---------- The current page in in-page navigation lists ---------- */
  function markCurrent() {
    var here = window.location.pathname;
    $$('.stage-nav a').forEach(function (link) {
      if (link.getAttribute('href') === here) link.setAttribute('aria-current', 'page');
    });
  }

  /* ---------- Print: case results and other collapsed parts print open ---------- */
  function initPrint() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      opened = $$('details:not([open])');
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  initMenu();
  initAccessibility();
  initFilters();
  markCurrent();
  initPrint();
})();
