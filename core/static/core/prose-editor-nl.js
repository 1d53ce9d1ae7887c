// The rich-text toolbar in the admin's language. django-prose-editor passes its dialogs through Django's
// gettext, but writes the toolbar's labels (“Block style”, “Paragraph”, “Heading 2”, the buttons' titles)
// as fixed English. This puts each through gettext too, whenever the toolbar is built or redrawn; the
// Dutch texts are in ezine/locale/nl/LC_MESSAGES/djangojs.po, served by the admin's JavaScript catalogue.
(() => {
  "use strict";
  const translate = window.gettext;
  if (!translate) return;
  const ATTRIBUTES = ["title", "aria-label"];

  function relabel(element) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && translate(value) !== value) element.setAttribute(name, translate(value));
    }
    // An icon button's text is the icon's name (“format_bold”): never a label.
    if (element.classList.contains("material-icons") || element.children.length) return;
    const text = element.textContent;
    if (text && translate(text) !== text) element.textContent = translate(text);
  }

  function relabelAll(toolbar) {
    relabel(toolbar);
    toolbar.querySelectorAll("*").forEach(relabel);
  }

  // Each toolbar (and each dropdown it opens) is watched by itself, so typing in the editor costs nothing.
  const watched = new WeakSet();
  function watchToolbars() {
    for (const toolbar of document.querySelectorAll(".prose-menubar, [class^='prose-menubar__']")) {
      if (watched.has(toolbar)) continue;
      watched.add(toolbar);
      relabelAll(toolbar);
      new MutationObserver(() => relabelAll(toolbar)).observe(toolbar, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ATTRIBUTES,
      });
    }
  }

  function start() {
    watchToolbars();
    new MutationObserver(watchToolbars).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
