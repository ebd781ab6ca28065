/*
 * Poortwachter-assistent chat widget. Plain JavaScript, no dependencies, no CDN.
 *
 * Embed on any intranet page:
 *   <script src="https://assistent.example/static/widget.js"
 *           data-server="https://assistent.example" data-title="Poortwachter-assistent"
 *           data-greeting="Hallo! ..." data-color="#0b5cab" defer></script>
 * Options can also be set in window.PoortwachterWidget = {server, title, greeting, colors,
 * strings, suggestions, mode} before the script loads. mode "page" fills the page (the
 * service's own / page) instead of a launcher button with a panel.
 *
 * Security: nothing from the server or the user is ever inserted as HTML. Text is built
 * with DOM nodes; the Markdown subset is bold, lists, line breaks and http(s) links.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var given = window.PoortwachterWidget || {};
  var scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  var STRINGS = {
    open: "Open de Poortwachter-assistent",
    close: "Sluit de chat",
    newChat: "Nieuw gesprek",
    deleteChat: "Verwijder mijn gesprek",
    deleted: "Je gesprek is verwijderd.",
    deleteFailed: "Het verwijderen is niet gelukt. Probeer het later opnieuw.",
    confirmDelete: "Weet je zeker dat je dit gesprek wilt verwijderen?",
    placeholder: "Stel je vraag, bijvoorbeeld: wat is spoor 2?",
    inputLabel: "Je bericht",
    send: "Verstuur",
    typing: "De assistent typt…",
    unreachable: "De assistent is nu niet bereikbaar. Controleer je verbinding en probeer het opnieuw.",
    retry: "Opnieuw versturen",
    notSent: "Niet verzonden",
    you: "Jij",
    bot: "Assistent",
    source: "Bron",
    calendar: "Zet in mijn agenda",
    timelineTitle: "Jouw termijnen",
    tooLong: "Je bericht is te lang. Maak het korter (maximaal 1000 tekens).",
    suggestionsIntro: "Je kunt bijvoorbeeld vragen:",
    feedbackLabel: "Was dit antwoord nuttig?",
    voteUp: "Duim omhoog: dit antwoord helpt",
    voteDown: "Duim omlaag: dit antwoord helpt niet",
    reasonsLabel: "Wat is er mis met dit antwoord? Dit is niet verplicht.",
    skipReason: "Geen reden",
    feedbackThanks: "Bedankt voor je reactie.",
    feedbackFailed: "Je reactie kon niet worden opgeslagen.",
    consentQuestion: "Mag HR deze vraag zonder je naam gebruiken om de assistent te verbeteren?",
    consentYes: "Ja",
    consentNo: "Nee",
    consentSaved: "Dank je. Je vraag is bewaard zonder namen, data en getallen.",
    consentDeclined: "Je vraag wordt niet bewaard.",
    consentFailed: "Je vraag kon niet worden bewaard."
  };
  // The timeline shows the words the service sends (badge, status_label, when_label); these
  // are only for timelines stored before the service sent them, in the same honest words.
  var STATUS = {
    past: "Termijn voorbij",
    next: "Volgende stap",
    later: "Later",
    late: "Te laat"
  };
  var SPOOR2 = {
    gestart: "Spoor 2 is gestart",
    niet_vereist: "Spoor 2 is nu niet nodig",
    achterstallig: "Spoor 2 is te laat",
    starten: "Start spoor 2 nu",
    nog_niet_nodig: "Spoor 2 is nog niet te laat"
  };
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  var DAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

  var config = {
    server: (given.server || data.server || scriptOrigin).replace(/\/$/, ""),
    title: given.title || data.title || "Poortwachter-assistent",
    greeting: given.greeting || data.greeting ||
      "Hallo! Ik beantwoord vragen over ziekte en re-integratie volgens de Wet verbetering " +
      "Poortwachter. Noem je eerste ziektedag, dan reken ik ook jouw termijnen uit.",
    mode: given.mode || data.mode || "launcher",
    colors: given.colors || { primary: data.color },
    strings: Object.assign({}, STRINGS, given.strings || {}),
    suggestions: given.suggestions || [
      "Wat is spoor 2?",
      "Wanneer moet spoor 2 starten?",
      "Ik ben sinds 3 maart 2026 ziek, wat moet ik wanneer doen?",
      "Wat is passend werk?"
    ],
    maxLength: 1000
  };
  var T = config.strings;
  var STORAGE_KEY = "poortwachter-sender";
  // The conversation token proves to the service that this tab started the conversation: it
  // is needed to read the history back, delete it, or continue it. Kept next to the id.
  var TOKEN_KEY = "poortwachter-token";
  var TOKEN_HEADER = "X-Conversation-Token";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "className") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function newSender() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return "w-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function sender() {
    var id = sessionStorage.getItem(STORAGE_KEY);
    if (!id || !/^[A-Za-z0-9_.:@-]{1,128}$/.test(id)) {
      id = newSender();
      sessionStorage.setItem(STORAGE_KEY, id);
      sessionStorage.removeItem(TOKEN_KEY);
    }
    return id;
  }

  function tokenHeaders(headers) {
    // "new": this client keeps tokens, so nobody may continue its conversation without one.
    headers[TOKEN_HEADER] = sessionStorage.getItem(TOKEN_KEY) || "new";
    return headers;
  }

  function keepToken(response) {
    var token = response.headers.get(TOKEN_HEADER);
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
  }

  function dutchDate(iso) {
    var parts = String(iso).split("-").map(Number);
    var d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (isNaN(d.getTime())) return String(iso);
    return DAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  // --- safe Markdown subset -------------------------------------------------------

  function safeUrl(url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function inline(text) {
    // **bold** and [label](http...) ; everything else stays plain text.
    var fragment = document.createDocumentFragment();
    var pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        fragment.appendChild(el("strong", { text: match[1] }));
      } else {
        var href = safeUrl(match[3]);
        if (href) {
          fragment.appendChild(el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: match[2] }));
        } else {
          fragment.appendChild(document.createTextNode(match[2]));
        }
      }
      last = pattern.lastIndex;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function markdown(text) {
    var box = el("div", { className: "pw-text" });
    var list = null;
    String(text || "").split("\n").forEach(function (line) {
      var item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        if (!list) { list = el("ul"); box.appendChild(list); }
        list.appendChild(el("li", {}, [inline(item[1])]));
        return;
      }
      list = null;
      if (line.trim()) box.appendChild(el("p", {}, [inline(line)]));
    });
    return box;
  }

  // --- timeline ---------------------------------------------------------------------

  function milestoneStatus(milestone, nextId, spoor2) {
    if (milestone.badge && milestone.badge.kind) return milestone.badge.kind;
    if (milestone.id === "spoor2_uiterlijk" && spoor2 && spoor2.status === "achterstallig") return "late";
    if (milestone.id === nextId) return "next";
    if (milestone.status === "verstreken") return "past";
    return "later";
  }

  function capitalise(text) {
    text = String(text || "");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function badgeText(milestone, status) {
    return capitalise(milestone.badge && milestone.badge.label ? milestone.badge.label : STATUS[status]);
  }

  function nextMilestone(timeline, milestones) {
    if (timeline.next_step !== undefined) return timeline.next_step;
    var open = milestones.filter(function (m) { return m.status !== "verstreken"; });
    open.sort(function (a, b) {
      return String(a.window_start || a.date).localeCompare(String(b.window_start || b.date));
    });
    return open.length ? open[0].id : null;
  }

  function calendarUrl(custom) {
    var query = custom.calendar_query;
    if (!query) {
      var first = custom.timeline && custom.timeline.case && custom.timeline.case.first_sick_day;
      if (!first) return null;
      query = { first_sick_day: first };
    }
    return config.server + "/api/timeline.ics?" + new URLSearchParams(query).toString();
  }

  function timelineView(custom) {
    var timeline = custom.timeline || {};
    var milestones = timeline.milestones || [];
    var spoor2 = timeline.spoor2 || {};
    var nextId = nextMilestone(timeline, milestones);
    var spoor2Late = spoor2.status === "achterstallig";
    var headline = spoor2.status_label || ((SPOOR2[spoor2.status] || "Spoor 2") +
      (spoor2Late && spoor2.days_late ? " (" + spoor2.days_late + " dagen)" : ""));
    var box = el("section", { className: "pw-timeline", "aria-label": T.timelineTitle }, [
      el("p", { className: "pw-spoor2 pw-spoor2-" + (spoor2.status || "onbekend"), text: headline })
    ]);
    var list = el("ol", { className: "pw-milestones" });
    milestones.forEach(function (m) {
      var status = milestoneStatus(m, nextId, spoor2);
      var when = m.when_label ||
        (m.window_start ? dutchDate(m.window_start) + " – " + dutchDate(m.date) : dutchDate(m.date));
      list.appendChild(el("li", { className: "pw-milestone pw-" + status }, [
        el("span", { className: "pw-badge", text: badgeText(m, status) }),
        el("span", { className: "pw-label", text: m.label }),
        el("span", { className: "pw-date", text: when })
      ]));
    });
    box.appendChild(list);
    var url = calendarUrl(custom);
    if (url) {
      box.appendChild(el("a", { className: "pw-calendar", href: url, download: "poortwachter-termijnen.ics", text: T.calendar }));
    }
    return box;
  }

  // --- the panel --------------------------------------------------------------------

  var ui = {};
  var lastMessage = null;
  var busy = false;

  function loadStyles() {
    var href = new URL("widget.css", script && script.src ? script.src : config.server + "/static/").href;
    if (document.querySelector('link[href="' + href + '"]')) return;
    document.head.appendChild(el("link", { rel: "stylesheet", href: href }));
  }

  function build() {
    loadStyles();
    var root = el("div", { className: "pw-root pw-mode-" + config.mode });
    if (config.colors && config.colors.primary) root.style.setProperty("--pw-primary", config.colors.primary);
    if (config.colors && config.colors.text) root.style.setProperty("--pw-on-primary", config.colors.text);

    ui.launcher = el("button", { type: "button", className: "pw-launcher", "aria-label": T.open, "aria-expanded": "false", text: "Vraag het de assistent" });
    ui.title = el("h2", { id: "pw-title", className: "pw-title", text: config.title });
    ui.newButton = el("button", { type: "button", className: "pw-tool", text: T.newChat });
    ui.deleteButton = el("button", { type: "button", className: "pw-tool", text: T.deleteChat });
    ui.closeButton = el("button", { type: "button", className: "pw-close", "aria-label": T.close, text: "×" });
    // A page may provide the message log itself (the service's own page does).
    ui.log = document.querySelector("[data-pw-log]") ||
      el("div", { className: "pw-log", role: "log", "aria-live": "polite", "aria-label": "Gesprek", tabindex: "0" });
    ui.typing = el("p", { className: "pw-typing", role: "status", text: T.typing });
    ui.typing.hidden = true;
    ui.alert = el("div", { className: "pw-alert", role: "alert" });
    ui.alert.hidden = true;
    ui.input = el("textarea", { id: "pw-input", className: "pw-input", rows: "2", maxlength: String(config.maxLength), placeholder: T.placeholder, autocomplete: "off" });
    ui.send = el("button", { type: "submit", className: "pw-send", text: T.send });
    ui.form = el("form", { className: "pw-form" }, [
      el("label", { for: "pw-input", className: "pw-sr-only", text: T.inputLabel }), ui.input, ui.send
    ]);
    ui.panel = el("div", { className: "pw-panel", role: "dialog", "aria-labelledby": "pw-title" }, [
      el("div", { className: "pw-header" }, [ui.title, el("div", { className: "pw-tools" }, [ui.newButton, ui.deleteButton, ui.closeButton])]),
      ui.log, ui.typing, ui.alert, ui.form
    ]);
    if (config.mode === "page") {
      ui.closeButton.hidden = true;
      root.appendChild(ui.panel);
    } else {
      ui.panel.hidden = true;
      root.appendChild(ui.launcher);
      root.appendChild(ui.panel);
    }
    document.body.appendChild(root);

    ui.launcher.addEventListener("click", open);
    ui.closeButton.addEventListener("click", close);
    ui.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && config.mode !== "page") close();
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitTyped();
    });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        submitTyped();
      }
    });
    ui.newButton.addEventListener("click", newConversation);
    ui.deleteButton.addEventListener("click", deleteConversation);
  }

  function open() {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.input.focus();
  }

  function close() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function addUser(text) {
    var bubble = el("div", { className: "pw-msg pw-user" }, [
      el("span", { className: "pw-sr-only", text: T.you + ": " }), el("p", { text: text })
    ]);
    ui.log.appendChild(bubble);
    scrollDown();
    return bubble;
  }

  // A message the server did not process (503, no connection) is marked, and the alert's
  // button sends it again; the mark goes once it is answered.
  function markNotSent(bubble, notSent) {
    if (!bubble) return;
    var mark = bubble.querySelector(".pw-not-sent");
    if (notSent && !mark) bubble.appendChild(el("p", { className: "pw-not-sent", text: T.notSent }));
    if (!notSent && mark) bubble.removeChild(mark);
    bubble.classList.toggle("pw-failed", notSent);
  }

  function stripSourceLine(text) {
    return String(text || "").split("\n").filter(function (line) { return line.indexOf("Bron: ") !== 0; }).join("\n");
  }

  function sourcesView(sources) {
    var line = el("p", { className: "pw-source" }, [el("span", { text: T.source + ": " })]);
    sources.forEach(function (source, index) {
      if (index > 0) line.appendChild(document.createTextNode("; "));
      var href = source.url && safeUrl(source.url);
      line.appendChild(href
        ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: source.name })
        : document.createTextNode(source.name));
      // When the source was checked, as the service words it: "(gecontroleerd 2 december 2026)".
      if (source.checked_label) line.appendChild(document.createTextNode(" (" + String(source.checked_label) + ")"));
    });
    return line;
  }

  function addBot(message) {
    var custom = message.custom || null;
    var isFaq = custom && custom.type === "faq" && Array.isArray(custom.sources) && custom.sources.length;
    var bubble = el("div", { className: "pw-msg pw-bot" }, [el("span", { className: "pw-sr-only", text: T.bot + ": " })]);
    if (message.text) bubble.appendChild(markdown(isFaq ? stripSourceLine(message.text) : message.text));
    if (isFaq) bubble.appendChild(sourcesView(custom.sources));
    if (custom && custom.type === "timeline" && custom.timeline) bubble.appendChild(timelineView(custom));
    if (custom && custom.feedback) bubble.appendChild(feedbackView(custom.feedback));
    if (Array.isArray(message.buttons) && message.buttons.length) {
      var row = el("div", { className: "pw-buttons" });
      message.buttons.forEach(function (button) {
        var b = el("button", { type: "button", className: "pw-choice", text: button.title });
        b.addEventListener("click", function () { sendMessage(String(button.payload), String(button.title)); });
        row.appendChild(b);
      });
      bubble.appendChild(row);
    }
    ui.log.appendChild(bubble);
    scrollDown();
  }

  // Votes and the consent question (issue 17): the service says what can be voted on
  // (custom.feedback) and when it may ask to keep an unanswered question (custom.ask_consent).
  // Nothing here sends the sender id.
  function postInsight(path, body) {
    return fetch(config.server + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) throw new Error(path);
    });
  }

  // A thumb drawn as SVG: emoji depend on the fonts of the user's machine.
  function thumbIcon(down) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 " +
      "7.6 6.6C7.2 7 7 7.5 7 8v11c0 1.1.9 2 2 2h8.5c.8 0 1.5-.5 1.8-1.2l2.6-6.1c.1-.2.1-.5.1-.7v-3z");
    path.setAttribute("fill", "currentColor");
    if (down) path.setAttribute("transform", "rotate(180 12 12)");
    svg.appendChild(path);
    return svg;
  }

  function feedbackView(target) {
    var box = el("div", { className: "pw-feedback", role: "group", "aria-label": T.feedbackLabel });
    var up = el("button", { type: "button", className: "pw-vote pw-vote-up", "aria-pressed": "false", "aria-label": T.voteUp }, [thumbIcon(false)]);
    var down = el("button", { type: "button", className: "pw-vote pw-vote-down", "aria-pressed": "false", "aria-label": T.voteDown }, [thumbIcon(true)]);
    var status = el("p", { className: "pw-feedback-status", role: "status" });
    var reasons = null;
    var done = false;

    function send(vote, reason) {
      done = true;
      up.setAttribute("aria-disabled", "true");
      down.setAttribute("aria-disabled", "true");
      if (reasons) box.removeChild(reasons);
      reasons = null;
      var body = { kind: target.kind, key: target.key, vote: vote };
      if (reason) body.reason = reason;
      postInsight("/api/feedback", body).then(function () {
        status.textContent = T.feedbackThanks;
      }).catch(function () {
        status.textContent = T.feedbackFailed;
      });
    }

    function reasonButtons() {
      var group = el("div", { className: "pw-reasons", role: "group", "aria-label": T.reasonsLabel }, [
        el("p", { className: "pw-reasons-label", text: T.reasonsLabel })
      ]);
      (target.reasons || []).concat([{ id: null, label: T.skipReason }]).forEach(function (reason) {
        var b = el("button", { type: "button", className: "pw-reason", text: reason.label });
        b.addEventListener("click", function () { send("down", reason.id); down.focus(); });
        group.appendChild(b);
      });
      return group;
    }

    up.addEventListener("click", function () {
      if (done) return;
      up.setAttribute("aria-pressed", "true");
      down.setAttribute("aria-pressed", "false");
      send("up", null);
    });
    down.addEventListener("click", function () {
      if (done || reasons) return;
      down.setAttribute("aria-pressed", "true");
      reasons = reasonButtons();
      box.insertBefore(reasons, status);
      reasons.querySelector("button").focus();
    });
    box.appendChild(up);
    box.appendChild(down);
    box.appendChild(status);
    return box;
  }

  function offerConsent(messages, question) {
    var first = (messages || [])[0];
    var custom = first && first.custom;
    if (!question || !custom || !custom.ask_consent) return;
    var id = "pw-consent-" + Date.now();
    var status = el("p", { className: "pw-consent-status", role: "status" });
    var yes = el("button", { type: "button", className: "pw-choice", text: T.consentYes });
    var no = el("button", { type: "button", className: "pw-choice", text: T.consentNo });
    var row = el("div", { className: "pw-buttons" }, [yes, no]);
    var bubble = el("div", { className: "pw-msg pw-bot pw-consent", role: "group", "aria-labelledby": id }, [
      el("span", { className: "pw-sr-only", text: T.bot + ": " }),
      el("p", { id: id, text: T.consentQuestion }), row, status
    ]);
    function answered(text) {
      bubble.removeChild(row);
      status.textContent = text;
      ui.input.focus();
    }
    yes.addEventListener("click", function () {
      var body = { question: question, kind: String(custom.ask_consent), consent: true };
      question = null;  // sent once, then forgotten
      postInsight("/api/unanswered", body).then(function () {
        answered(T.consentSaved);
      }).catch(function () {
        answered(T.consentFailed);
      });
    });
    no.addEventListener("click", function () {
      question = null;
      answered(T.consentDeclined);
    });
    ui.log.appendChild(bubble);
    scrollDown();
  }

  function greet() {
    addBot({
      text: config.greeting + "\n" + T.suggestionsIntro,
      buttons: config.suggestions.map(function (q) { return { title: q, payload: q }; })
    });
  }

  function showAlert(text, retry) {
    ui.alert.textContent = "";
    ui.alert.appendChild(el("p", { text: text }));
    if (retry) {
      var again = el("button", { type: "button", className: "pw-retry", text: T.retry });
      again.addEventListener("click", function () {
        hideAlert();
        if (lastMessage) sendMessage(lastMessage.payload, null);
      });
      ui.alert.appendChild(again);
    }
    ui.alert.hidden = false;
  }

  function hideAlert() {
    ui.alert.hidden = true;
    ui.alert.textContent = "";
  }

  function setBusy(value) {
    busy = value;
    ui.typing.hidden = !value;
    ui.send.disabled = value;
  }

  function submitTyped() {
    var text = ui.input.value.trim();
    if (!text || busy) return;
    if (text.length > config.maxLength) {
      showAlert(T.tooLong, false);
      return;
    }
    ui.input.value = "";
    sendMessage(text, text);
  }

  function sendMessage(payload, shown) {
    if (busy) return;
    hideAlert();
    var bubble = shown ? addUser(shown) : (lastMessage && lastMessage.bubble);
    lastMessage = { payload: payload, bubble: bubble };
    setBusy(true);
    var id = sender();
    fetch(config.server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: tokenHeaders({ "Content-Type": "application/json" }),
      body: JSON.stringify({ sender: id, message: payload })
    }).then(function (response) {
      if (sessionStorage.getItem(STORAGE_KEY) === id) keepToken(response);
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          var detail = body && typeof body.detail === "string" ? body.detail : T.unreachable;
          throw { shown: detail };
        }
        return body;
      });
    }).then(function (messages) {
      markNotSent(bubble, false);
      (messages || []).forEach(addBot);
      offerConsent(messages, shown === payload ? payload : null);
    }).catch(function (error) {
      markNotSent(bubble, true);
      showAlert(error && error.shown ? error.shown : T.unreachable, true);
    }).then(function () {
      setBusy(false);
    });
  }

  function restore() {
    var id = sessionStorage.getItem(STORAGE_KEY);
    if (!id || !sessionStorage.getItem(TOKEN_KEY)) {
      // Without its token the conversation can be neither shown nor continued: a new one.
      sessionStorage.removeItem(STORAGE_KEY);
      greet();
      return;
    }
    fetch(config.server + "/api/conversations/" + encodeURIComponent(id), {
      headers: tokenHeaders({})
    }).then(function (response) {
      if (!response.ok) throw new Error("history");
      return response.json();
    }).then(function (body) {
      var messages = (body && body.messages) || [];
      if (!messages.length) greet();
      var buttonTitles = Object.create(null);
      messages.forEach(function (m) {
        if (m.role === "user") {
          addUser(displayedUserText(m.text, buttonTitles));
        } else {
          addBot(m);
          (m.buttons || []).forEach(function (b) { buttonTitles[String(b.payload)] = String(b.title); });
        }
      });
    }).catch(function () {
      greet();
    });
  }

  function displayedUserText(text, buttonTitles) {
    // A button click is stored as the button's payload: show it with the title of the button
    // that carried it (the latest one), as the click did. The widget knows no payloads itself.
    if (buttonTitles[text] !== undefined) return buttonTitles[text];
    return /^\/[a-z_]+/.test(text) ? "…" : text;
  }

  function newConversation() {
    sessionStorage.setItem(STORAGE_KEY, newSender());
    sessionStorage.removeItem(TOKEN_KEY);
    ui.log.textContent = "";
    hideAlert();
    greet();
    ui.input.focus();
  }

  function deleteConversation() {
    if (!window.confirm(T.confirmDelete)) return;
    var id = sender();
    fetch(config.server + "/api/conversations/" + encodeURIComponent(id), {
      method: "DELETE",
      headers: tokenHeaders({})
    }).then(function (response) {
      if (!response.ok) throw new Error("delete");
      newConversation();
      showAlert(T.deleted, false);
    }).catch(function () {
      showAlert(T.deleteFailed, false);
    });
  }

  function start() {
    build();
    restore();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
