// LeaveGuard portal: small progressive enhancements. Every page works
// without this file. Loaded with the CSP nonce; no inline handlers.
(function () {
  "use strict";

  // Filters: changing a select submits its form.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () {
      if (el.form) { el.form.submit(); }
    });
  });

  // Forms: confirm destructive actions, then show progress and prevent a
  // double submission.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      var msg = form.getAttribute("data-confirm");
      if (msg && !window.confirm(msg)) {
        ev.preventDefault();
        return;
      }
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        window.setTimeout(function () {
          b.disabled = true;
          b.setAttribute("data-label", b.textContent);
          b.textContent = "处理中…";
        }, 0);
      });
    });
  });

  // Back/forward cache: re-enable buttons when a page is shown again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[data-label]").forEach(function (b) {
      b.disabled = false;
      b.textContent = b.getAttribute("data-label");
    });
  });

  // Copy buttons: data-copy names the element whose text to copy.
  document.querySelectorAll("[data-copy]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var el = document.getElementById(btn.getAttribute("data-copy"));
      if (!el || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(el.textContent.trim()).then(function () {
        btn.textContent = "已复制";
      });
    });
  });

  // Radio groups with data-toggle show the named block only for the
  // option whose value is "set".
  document.querySelectorAll("input[type=radio][data-toggle]").forEach(function (r) {
    var target = document.getElementById(r.getAttribute("data-toggle"));
    if (!target) { return; }
    var sync = function () {
      var on = document.querySelector("input[name='" + r.name + "']:checked");
      target.hidden = !(on && on.value === "set");
    };
    r.addEventListener("change", sync);
    sync();
  });
  // Fields shown only for one option of a select: data-show-for names the
  // value of the form's "action" select that needs the field.
  document.querySelectorAll("[data-show-for]").forEach(function (field) {
    var form = field.closest("form");
    var sel = form && form.querySelector("select[name=action]");
    if (!sel) { return; }
    var sync = function () { field.hidden = sel.value !== field.getAttribute("data-show-for"); };
    sel.addEventListener("change", sync);
    sync();
  });
})();
