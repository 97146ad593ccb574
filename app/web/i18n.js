'use strict';
/*
 * The page's words in English and Korean. Korean when the browser prefers a ko* language,
 * English otherwise. Placeholders look like {name}.
 */
const I18N = (() => {
  const words = {
    en: {
      skipToText: 'Skip to the text box',
      tagline: 'Translate, keep, correct.',
      translateHeading: 'Translate',
      textLabel: 'Text to translate',
      textHint: 'Press Ctrl+Enter (⌘+Enter on a Mac) to translate.',
      sourceLabel: 'From',
      targetLabel: 'To',
      autoDetect: 'Auto-detect',
      translateButton: 'Translate',
      translating: 'Translating…',
      resultLabel: 'Translation',
      detected: 'Detected language: {language}',
      historyHeading: 'History',
      historyEmpty: 'Nothing translated yet.',
      loadMore: 'Load more',
      loading: 'Loading…',
      correct: 'Correct',
      correctLabel: 'Correct the translation',
      save: 'Save',
      cancel: 'Cancel',
      delete: 'Delete',
      confirmDelete: 'Delete this translation for good? This cannot be undone.',
      corrected: 'corrected',
      saved: 'Correction saved.',
      deleted: 'Translation deleted.',
      errEmpty: 'Type some text to translate.',
      errTooLong: 'The text is too long: {bytes} bytes, and at most 10,000 can be translated at once. Try a shorter piece.',
      errEmptyCorrection: 'The corrected translation cannot be empty.',
      errOffline: 'Lingogate cannot be reached. Check your connection and try again.',
      errBadInput: 'That could not be translated: {detail}',
      errLanguage: 'This language pair is not available. Choose other languages.',
      errStale: 'Someone else changed this translation meanwhile. It has been reloaded: check it and correct it again.',
      errGone: 'This translation was deleted elsewhere.',
      errBusy: 'The translation engine is busy. Try again in a few seconds.',
      errTooMany: 'Too many requests at once. Wait a moment and try again.',
      errServer: 'Something went wrong on our side. Try again; if it keeps happening, quote this: {id}',
      errLanguages: 'The list of languages could not be loaded. Reload the page to try again.',
      errHistory: 'The history could not be loaded.',
    },
    ko: {
      skipToText: '입력란으로 건너뛰기',
      tagline: '번역하고, 보관하고, 고치세요.',
      translateHeading: '번역',
      textLabel: '번역할 텍스트',
      textHint: 'Ctrl+Enter(Mac은 ⌘+Enter)로 번역합니다.',
      sourceLabel: '원본 언어',
      targetLabel: '번역 언어',
      autoDetect: '자동 감지',
      translateButton: '번역',
      translating: '번역 중…',
      resultLabel: '번역 결과',
      detected: '감지된 언어: {language}',
      historyHeading: '기록',
      historyEmpty: '아직 번역한 내용이 없습니다.',
      loadMore: '더 보기',
      loading: '불러오는 중…',
      correct: '수정',
      correctLabel: '번역 수정',
      save: '저장',
      cancel: '취소',
      delete: '삭제',
      confirmDelete: '이 번역을 삭제할까요? 되돌릴 수 없습니다.',
      corrected: '수정됨',
      saved: '수정 내용을 저장했습니다.',
      deleted: '번역을 삭제했습니다.',
      errEmpty: '번역할 텍스트를 입력하세요.',
      errTooLong: '텍스트가 너무 깁니다: {bytes}바이트이며 한 번에 최대 10,000바이트까지 번역할 수 있습니다. 더 짧게 나눠 주세요.',
      errEmptyCorrection: '수정한 번역은 비워 둘 수 없습니다.',
      errOffline: 'Lingogate에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
      errBadInput: '번역할 수 없습니다: {detail}',
      errLanguage: '이 언어 조합은 지원되지 않습니다. 다른 언어를 선택하세요.',
      errStale: '그 사이에 다른 사람이 이 번역을 바꿨습니다. 최신 내용을 다시 불러왔으니 확인 후 다시 수정하세요.',
      errGone: '이 번역은 다른 곳에서 삭제되었습니다.',
      errBusy: '번역 엔진이 바쁩니다. 몇 초 후에 다시 시도하세요.',
      errTooMany: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
      errServer: '서버에서 문제가 생겼습니다. 다시 시도해 주세요. 계속되면 다음 번호를 알려 주세요: {id}',
      errLanguages: '언어 목록을 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
      errHistory: '기록을 불러오지 못했습니다.',
    },
  };

  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = preferred.toLowerCase().startsWith('ko') ? 'ko' : 'en';

  function t(key, params = {}) {
    const text = words[lang][key] ?? words.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
  }

  /** Fills every [data-i18n] element of the page with its words. */
  function apply(root = document) {
    document.documentElement.lang = lang;
    root.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = t(element.dataset.i18n);
    });
  }

  return { lang, t, apply };
})();
