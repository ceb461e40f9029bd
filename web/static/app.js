// LeaveGuard portal: small progressive enhancements. Every page works
// without this file. Loaded with the CSP nonce; no inline handlers.
(function () {
  "use strict";

  // Filters apply with their button only: a select that submitted on change
  // would reload the page at the first arrow key (WCAG 3.2.2).

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

  // Month-end ZIP: fetch it and show how many documents have arrived (a
  // ZIP entry starts with the bytes PK\x03\x04), then save it. Without
  // streams the form downloads the ZIP as is; an error page comes back by
  // submitting the form.
  document.querySelectorAll("form[data-bundle]").forEach(function (form) {
    var line = form.querySelector("[data-bundle-progress]");
    var btn = form.querySelector("button[type=submit]");
    if (!line || !btn || !window.fetch || !window.ReadableStream || !window.URL || !window.Blob) { return; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var month = form.elements.namedItem("month").value;
      btn.disabled = true;
      line.hidden = false;
      line.textContent = "正在准备文书…";
      window.fetch(form.action + "?" + new URLSearchParams({ month: month }).toString(), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok || !r.body) { form.submit(); return; }
        var total = parseInt(r.headers.get("X-Document-Count") || "0", 10);
        var reader = r.body.getReader();
        var chunks = [], seen = 0, prev = [0, 0, 0];
        var show = function () { line.textContent = "已打包 " + Math.min(seen, total) + " / " + total + " 份文书"; };
        show();
        var pump = function () {
          return reader.read().then(function (res) {
            if (res.done) {
              var a = document.createElement("a");
              a.href = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
              a.download = "申领文书-" + month + ".zip";
              document.body.appendChild(a);
              a.click();
              a.remove();
              window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
              line.textContent = "完成：共 " + total + " 份文书";
              btn.disabled = false;
              return;
            }
            var b = res.value;
            chunks.push(b);
            for (var i = 0; i < b.length; i++) {
              if (b[i] === 4 && prev[0] === 0x50 && prev[1] === 0x4b && prev[2] === 3) { seen++; }
              prev = [prev[1], prev[2], b[i]];
            }
            show();
            return pump();
          });
        };
        return pump();
      }).catch(function () {
        line.textContent = "下载中断，请重试";
        btn.disabled = false;
      });
    });
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
