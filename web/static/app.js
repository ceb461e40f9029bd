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
      var by = ev.submitter;
      var msg = (by && by.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
      if (msg && !window.confirm(msg)) {
        ev.preventDefault();
        return;
      }
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        window.setTimeout(function () {
          if (ev.defaultPrevented) { return; } // handled in the page (leave preview)
          b.disabled = true;
          b.setAttribute("data-label", b.textContent);
          b.textContent = "处理中…";
          if (b.hasAttribute("data-download")) { // the page stays: a file downloads
            window.setTimeout(function () {
              b.disabled = false;
              b.textContent = b.getAttribute("data-label");
            }, 4000);
          }
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

  // Leave form: "计算" asks the portal's JSON endpoint for the computed end
  // date and legal basis without leaving the page (without JavaScript the
  // button posts the form and the page comes back with the same block).
  // The preview also refreshes when the type, start or days change.
  var lf = document.querySelector("form[data-preview-url]");
  if (lf && window.fetch && window.URLSearchParams) {
    var timer = 0;
    var preview = function () {
      var out = document.getElementById("leave-preview");
      var body = new URLSearchParams(new FormData(lf));
      body.set("op", "preview");
      if (out) { out.classList.add("is-loading"); out.setAttribute("aria-busy", "true"); }
      return window.fetch(lf.getAttribute("data-preview-url"), {
        method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (r) {
        if (!r.ok) { throw new Error("preview " + r.status); }
        return r.json();
      }).then(function (j) {
        var cur = document.getElementById("leave-preview");
        if (cur) { cur.outerHTML = j.html; }
      });
    };
    lf.addEventListener("submit", function (ev) {
      if (ev.submitter && ev.submitter.value === "preview") {
        ev.preventDefault();
        preview().catch(function () { // fall back to the plain post of 计算
          var op = document.createElement("input");
          op.type = "hidden"; op.name = "op"; op.value = "preview";
          lf.appendChild(op);
          lf.submit();
        });
      }
    });
    ["leave_type", "start", "days", "child_id"].forEach(function (name) {
      var el = lf.elements.namedItem(name);
      if (!el || !el.addEventListener) { return; }
      el.addEventListener("change", function () {
        window.clearTimeout(timer);
        if (!lf.elements.namedItem("leave_type").value || !lf.elements.namedItem("start").value ||
            !lf.elements.namedItem("days").value) { return; }
        timer = window.setTimeout(function () { preview().catch(function () {}); }, 300);
      });
    });
  }

  // A page following a running job (an import) reloads itself until done.
  var reload = document.querySelector("[data-reload-after]");
  if (reload) {
    window.setTimeout(function () { window.location.reload(); }, Number(reload.getAttribute("data-reload-after")));
  }
})();
