'use strict';
/*
 * Lingogate's page: translate-and-save through POST /translations, then browse, correct and
 * delete the history. Every request goes through api(), which turns HTTP failures into
 * sentences a person can act on.
 */
(() => {
  const { t } = I18N;
  const MAX_TEXT_BYTES = 10000;
  const PAGE_SIZE = 20;

  const $ = (selector) => document.querySelector(selector);
  const form = $('#translate-form');
  const text = $('#text');
  const source = $('#source');
  const target = $('#target');
  const translateButton = $('#translate');
  const result = $('#result');
  const detected = $('#detected');
  const errorBox = $('#error');
  const history = $('#history');
  const historyEmpty = $('#history-empty');
  const more = $('#more');

  const languageNames = new Map();
  const displayNames = typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames([I18N.lang], { type: 'language' })
    : null;
  let nextCursor = null;

  /** A failure already worded for the person reading the page. */
  class ProblemError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(new URL(path, document.baseURI), {
        ...options,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (networkFailure) {
      throw new ProblemError(t('errOffline'), 0);
    }
    if (response.status === 204) return { response, body: null };
    let body = null;
    try {
      body = await response.json();
    } catch (notJson) {
      body = null;
    }
    if (!response.ok) throw new ProblemError(describe(response.status, body), response.status);
    return { response, body };
  }

  function describe(status, body) {
    const detail = (body && (body.message || body.error)) || '';
    if (status === 400 && /language/i.test(detail)) return t('errLanguage');
    if (status === 400 || status === 413) return t('errBadInput', { detail });
    if (status === 404) return t('errGone');
    if (status === 412) return t('errStale');
    if (status === 429) return t('errTooMany');
    if (status === 503) return t('errBusy');
    return t('errServer', { id: (body && body.requestId) || `HTTP ${status}` });
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.textContent = '';
    errorBox.hidden = true;
  }

  function languageName(code) {
    if (!code) return '';
    if (displayNames) {
      try {
        const name = displayNames.of(code);
        if (name && name !== code) return name;
      } catch (notACode) { /* fall back to the server's name */ }
    }
    return languageNames.get(code) || code;
  }

  function utf8Bytes(value) {
    return new TextEncoder().encode(value).length;
  }

  // ---- languages -------------------------------------------------------------------------

  async function loadLanguages() {
    try {
      const { body } = await api('languages');
      body.forEach((language) => languageNames.set(language.code, language.name));
      const sorted = [...body].sort((a, b) => languageName(a.code).localeCompare(languageName(b.code), I18N.lang));
      for (const language of sorted) {
        source.append(new Option(languageName(language.code), language.code));
        target.append(new Option(languageName(language.code), language.code));
      }
      source.value = localStorage.getItem('lingogate.source') || 'auto';
      if (!source.value) source.value = 'auto';
      target.value = preferredTarget(sorted.map((language) => language.code));
    } catch (problem) {
      showError(problem instanceof ProblemError ? `${t('errLanguages')} ${problem.message}` : t('errLanguages'));
    }
  }

  function preferredTarget(codes) {
    const stored = localStorage.getItem('lingogate.target');
    const candidates = [stored, I18N.lang === 'ko' ? 'ko' : null, 'en', 'es', codes[0]];
    return candidates.find((code) => code && codes.includes(code)) || '';
  }

  // ---- translate -------------------------------------------------------------------------

  async function translate() {
    clearError();
    const value = text.value;
    if (!value.trim()) {
      showError(t('errEmpty'));
      text.focus();
      return;
    }
    const bytes = utf8Bytes(value);
    if (bytes > MAX_TEXT_BYTES) {
      showError(t('errTooLong', { bytes: bytes.toLocaleString(I18N.lang) }));
      text.focus();
      return;
    }
    localStorage.setItem('lingogate.source', source.value);
    localStorage.setItem('lingogate.target', target.value);
    setBusy(true);
    try {
      const { body } = await api('translations', {
        method: 'POST',
        body: { text: value, source: source.value, target: target.value },
      });
      result.textContent = body.translatedText;
      result.lang = body.target;
      if (body.source === 'auto' && body.detectedSource) {
        detected.textContent = t('detected', { language: languageName(body.detectedSource) });
        detected.hidden = false;
      } else {
        detected.textContent = '';
        detected.hidden = true;
      }
      history.prepend(entry(body));
      historyEmpty.hidden = true;
    } catch (problem) {
      showError(problem.message);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    translateButton.disabled = busy;
    translateButton.textContent = busy ? t('translating') : t('translateButton');
    result.setAttribute('aria-busy', String(busy));
  }

  // ---- history ---------------------------------------------------------------------------

  async function loadHistory() {
    more.disabled = true;
    more.textContent = t('loading');
    try {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (nextCursor) query.set('cursor', nextCursor);
      const { body } = await api(`translations?${query}`);
      for (const item of body.items) {
        if (!history.querySelector(`li.entry[data-id="${CSS.escape(item.id)}"]`)) history.append(entry(item));
      }
      nextCursor = body.nextCursor;
      more.hidden = !nextCursor;
      historyEmpty.hidden = history.children.length > 0;
    } catch (problem) {
      showError(problem instanceof ProblemError ? `${t('errHistory')} ${problem.message}` : t('errHistory'));
    } finally {
      more.disabled = false;
      more.textContent = t('loadMore');
    }
  }

  function element(tag, className, textContent) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (textContent !== undefined) node.textContent = textContent;
    return node;
  }

  function button(className, label, describedBy) {
    const node = element('button', className, label);
    node.type = 'button';
    node.setAttribute('aria-describedby', describedBy);
    return node;
  }

  /** One history entry: the original, the translation, and what can be done with it. */
  function entry(item) {
    const li = element('li', 'entry');
    li.dataset.id = item.id;
    li.dataset.version = String(item.version);
    const originalId = `original-${item.id}`;

    const original = element('p', 'original', item.text);
    original.id = originalId;
    original.lang = item.detectedSource || item.source;
    const translated = element('p', 'translated', item.translatedText);
    translated.lang = item.target;

    const meta = element('p', 'meta');
    const from = item.source === 'auto' ? item.detectedSource : item.source;
    meta.append(`${languageName(from)} → ${languageName(item.target)}`);
    const when = element('time', null, formatTime(item.createdAt));
    when.dateTime = item.createdAt;
    meta.append(' · ', when);
    if (item.version > 1) meta.append(' · ', element('span', 'edited', t('corrected')));

    const actions = element('div', 'actions');
    const edit = button('edit secondary', t('correct'), originalId);
    const remove = button('delete danger', t('delete'), originalId);
    edit.addEventListener('click', () => startEditing(li, item));
    remove.addEventListener('click', () => removeEntry(li, item));
    actions.append(edit, remove);

    li.append(original, translated, meta, actions);
    return li;
  }

  function startEditing(li, item) {
    clearError();
    const translated = li.querySelector('.translated');
    const actions = li.querySelector('.actions');
    const fieldId = `correction-${item.id}`;

    const label = element('label', 'visually-hidden', t('correctLabel'));
    label.htmlFor = fieldId;
    const field = element('textarea', 'correction');
    field.id = fieldId;
    field.rows = 3;
    field.lang = item.target;
    field.value = item.translatedText;

    const save = button('save primary', t('save'), li.querySelector('.original').id);
    const cancel = button('cancel secondary', t('cancel'), li.querySelector('.original').id);
    const editor = element('div', 'editor');
    const editorActions = element('div', 'actions');
    editorActions.append(save, cancel);
    editor.append(label, field, editorActions);

    translated.hidden = true;
    actions.hidden = true;
    li.insertBefore(editor, actions);
    field.focus();

    const close = (replacement) => {
      const fresh = entry(replacement);
      li.replaceWith(fresh);
      return fresh;
    };
    cancel.addEventListener('click', () => close(item).querySelector('.edit').focus());
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel.click();
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save.click();
      }
    });
    save.addEventListener('click', async () => {
      if (!field.value.trim()) {
        showError(t('errEmptyCorrection'));
        field.focus();
        return;
      }
      save.disabled = true;
      try {
        const { body } = await api(`translations/${encodeURIComponent(item.id)}`, {
          method: 'PUT',
          headers: { 'If-Match': `"${li.dataset.version}"` },
          body: { translatedText: field.value },
        });
        close(body).querySelector('.edit').focus();
        announce(t('saved'));
      } catch (problem) {
        await recoverFrom(problem, li, item);
      } finally {
        save.disabled = false;
      }
    });
  }

  /** After a failed write: a stale entry is reloaded, a vanished one removed, anything else told. */
  async function recoverFrom(problem, li, item) {
    showError(problem.message);
    if (problem.status === 412) {
      try {
        const { body } = await api(`translations/${encodeURIComponent(item.id)}`);
        const fresh = entry(body);
        li.replaceWith(fresh);
        fresh.querySelector('.edit').focus();
      } catch (reloadProblem) {
        if (reloadProblem.status === 404) li.remove();
      }
    } else if (problem.status === 404) {
      li.remove();
      text.focus();
    }
  }

  async function removeEntry(li, item) {
    clearError();
    if (!window.confirm(t('confirmDelete'))) return;
    try {
      await api(`translations/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      focusAfterRemoving(li);
      li.remove();
      announce(t('deleted'));
    } catch (problem) {
      if (problem.status === 404) {
        focusAfterRemoving(li);
        li.remove();
      }
      showError(problem.message);
    }
    historyEmpty.hidden = history.children.length > 0;
  }

  /** Keyboard users keep their place: focus moves to the neighbouring entry, or to the text box. */
  function focusAfterRemoving(li) {
    const neighbour = li.nextElementSibling || li.previousElementSibling;
    (neighbour ? neighbour.querySelector('.edit') : text).focus();
  }

  /** Tells screen readers what just happened where nothing visible says it. */
  function announce(message) {
    $('#status').textContent = message;
  }

  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso || '';
    return new Intl.DateTimeFormat(I18N.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  // ---- wiring ----------------------------------------------------------------------------

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    translate();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      translate();
    }
  });
  more.addEventListener('click', loadHistory);

  I18N.apply();
  loadLanguages();
  loadHistory();
})();
