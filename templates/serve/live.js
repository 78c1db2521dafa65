// weigh serve: keeps the board live. Three times in two seconds it asks the server whether anything changed
// (/live answers 204 when not); a change on this item replaces the "who voted / answers" part,
// a new item (the facilitator moved on) loads the board afresh (by its URL, never re-posting a
// form). Without this script the page still
// works: every action is a form, and reloading shows the latest state.
(function () {
  "use strict";
  var main = document.getElementById("session");
  if (!main) { return; }
  var version = main.getAttribute("data-version");
  var item = main.getAttribute("data-item");
  var base = main.getAttribute("data-live");
  var board = main.getAttribute("data-board");
  function poll() {
    fetch(base + "&since=" + encodeURIComponent(version), { cache: "no-store" })
      .then(function (r) {
        if (r.status !== 200) { return null; }
        var next = r.headers.get("X-Weigh-Item") || "";
        if (next !== item) { window.location.assign(board); return null; }
        version = r.headers.get("X-Weigh-Version") || version;
        return r.text();
      })
      .then(function (html) {
        if (html === null || html === undefined) { return; }
        var live = document.getElementById("live");
        if (live) { live.innerHTML = html; }
      })
      .catch(function () { /* the server is gone or restarting; try again */ })
      .then(function () { window.setTimeout(poll, 700); });
  }
  window.setTimeout(poll, 700);
})();
