/* global module */
// Rewrites tabster's focusable-element selector for the WPS build. tabster (under Fluent UI) joins
// its alternatives into `:is(a[href], button, …):not(:disabled)` and hands that to matches() and
// querySelector(); Chrome 87, the browser of WPS 11.x, has no :is() (Chrome 88 brought it) and
// throws on it. The same selector as a plain list, each alternative with :not(:disabled), matches
// the same elements. A tabster whose source no longer has the pattern stops the build, so an
// upgrade is looked at rather than shipped with the selector it cannot run.
const PATTERN = /`:is\(\$\{(\[[\s\S]*?\])\.join\(", "\)\}\):not\(:disabled\)`/;

module.exports = function tabsterSelectorLoader(source) {
  if (!PATTERN.test(source)) {
    throw new Error(`${this.resourcePath}: tabster's FOCUSABLE_SELECTOR is no longer \`:is(\${[…].join(", ")}):not(:disabled)\`; check the new one against Chrome 87 and update scripts/webpack/tabsterSelectorLoader.js`);
  }
  return source.replace(PATTERN, (_, list) => `${list}.map(function (s) { return s + ":not(:disabled)"; }).join(", ")`);
};
