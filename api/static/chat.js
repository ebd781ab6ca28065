// Minimal chat page: sends to the REST channel and renders text and buttons as plain text.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("input");
  var sender = "web-" + Math.random().toString(36).slice(2, 12);

  function add(text, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  function addButtons(buttons) {
    var row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.title;
      btn.addEventListener("click", function () { send(b.payload, b.title); });
      row.appendChild(btn);
    });
    log.appendChild(row);
  }

  function send(message, shown) {
    add(shown || message, "user");
    fetch("/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message })
    }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (messages) {
      messages.forEach(function (m) {
        if (m.text) { add(m.text, "bot"); }
        if (m.buttons && m.buttons.length) { addButtons(m.buttons); }
      });
    }).catch(function () {
      add("De assistent is nu niet bereikbaar. Probeer het zo opnieuw.", "bot");
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });
})();
