// The participant page. Every text comes in through textContent, never as HTML.
"use strict";

const WORDS = {
  pl: {
    write: "Twoja karta", kind: "Rodzaj (nieobowiązkowy)", text: "Treść",
    none: "— bez rodzaju —", send: "Wyślij", sent: "Wysłano. Prowadzący zobaczy kartę.",
    mine: "Twoje wysłane karty", nothing: "Nic jeszcze nie wysłano.",
    who: (n, s) => `Jesteś „Uczestnik ${n}” w: ${s}. Nie podajesz imienia ani e-maila.`,
    privacy: "Zapisujemy tylko treść kart i numer urządzenia; żadnych danych osobowych. Strona działa bez internetu.",
    round: "Głosowanie kropkami", left: (n) => `Zostało kropek: ${n}`,
    status: { pending: "czeka", accepted: "przyjęta", rejected: "odrzucona", merged: "połączona" },
    kinds: { recommendation: "rekomendacja", expectation: "oczekiwanie", proposal: "propozycja", concern: "obawa", question: "pytanie", other: "inne" },
    chars: (n, max) => `${n} / ${max} znaków`,
    errors: {
      empty: "Wpisz treść karty.", too_long: "Tekst jest za długi.", rate: "Za dużo kart naraz — odczekaj chwilę.",
      budget: "Nie masz już wolnych kropek.", closed: "Głosowanie jest już zamknięte.",
      csrf: "Strona była nieaktualna — spróbuj jeszcze raz.", code: "Zły kod pokoju — zeskanuj kod QR ponownie.",
      net: "Brak połączenia z laptopem prowadzącego.", other: "Nie udało się: ",
    },
  },
  en: {
    write: "Your card", kind: "Kind (optional)", text: "Text",
    none: "— no kind —", send: "Send", sent: "Sent. The facilitator will see it.",
    mine: "Cards you sent", nothing: "Nothing sent yet.",
    who: (n, s) => `You are “Participant ${n}” in: ${s}. No name, no e-mail.`,
    privacy: "Only the cards' text and a device number are stored; no personal data. This page works without the internet.",
    round: "Dot voting", left: (n) => `Dots left: ${n}`,
    status: { pending: "waiting", accepted: "accepted", rejected: "rejected", merged: "merged" },
    kinds: { recommendation: "recommendation", expectation: "expectation", proposal: "proposal", concern: "concern", question: "question", other: "other" },
    chars: (n, max) => `${n} / ${max} characters`,
    errors: {
      empty: "Type the card's text.", too_long: "The text is too long.", rate: "Too many cards at once — wait a little.",
      budget: "You have no dots left.", closed: "The voting round is closed.",
      csrf: "The page was out of date — try again.", code: "Wrong room code — scan the QR code again.",
      net: "No connection to the facilitator's laptop.", other: "That did not work: ",
    },
  },
};

let state = null;
let lang = localStorage.getItem("narada-lang");
// The reader's choice, kept on the phone; until then the consultation's language.
const $ = (id) => document.getElementById(id);
const w = () => WORDS[lang] || WORDS.pl;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function call(method, path, body) {
  const opts = { method, credentials: "same-origin", headers: {} };
  if (body) {
    opts.headers["Content-Type"] = "application/json";
    opts.headers["X-Narada-Csrf"] = state ? state.csrf : "";
    opts.body = JSON.stringify(body);
  }
  let res;
  try { res = await fetch(path, opts); } catch (e) { return { error: "net" }; }
  try { return await res.json(); } catch (e) { return { error: "other", message: String(res.status) }; }
}

function say(reply, okText) {
  const note = $("note");
  if (reply && reply.error) {
    const msg = w().errors[reply.error];
    note.textContent = msg || w().errors.other + (reply.message || reply.error);
    note.className = "bad";
  } else {
    note.textContent = okText || "";
    note.className = "";
  }
}

function words() {
  const t = w();
  document.documentElement.lang = lang || "pl";
  $("lang").textContent = lang === "en" ? "PL" : "EN";
  $("write-title").textContent = t.write;
  $("kind-label").textContent = t.kind;
  $("text-label").textContent = t.text;
  $("send").textContent = t.send;
  $("mine-title").textContent = t.mine;
  $("round-title").textContent = t.round;
  $("privacy").textContent = t.privacy;
  const kind = $("kind");
  const chosen = kind.value;
  kind.replaceChildren(el("option", t.none));
  kind.firstChild.value = "";
  for (const k of Object.keys(t.kinds)) {
    const o = el("option", t.kinds[k]);
    o.value = k;
    kind.appendChild(o);
  }
  kind.value = chosen;
  count();
}

function count() {
  const max = state ? state.text_limit : 500;
  $("count").textContent = w().chars($("text").value.length, max);
}

function draw() {
  if (!state) return;
  const t = w();
  $("title").textContent = state.session;
  $("who").textContent = t.who(state.device, state.session);
  const sent = $("sent");
  sent.replaceChildren();
  if (state.sent.length === 0) sent.appendChild(el("li", t.nothing));
  for (const s of state.sent) {
    const li = el("li");
    li.appendChild(el("span", t.status[s.status] || s.status, "status " + s.status));
    if (s.kind) li.appendChild(el("span", t.kinds[s.kind] + ": "));
    li.appendChild(el("span", s.text));
    sent.appendChild(li);
  }
  const r = state.round;
  $("round").hidden = !r;
  if (!r) return;
  $("left").textContent = t.left(r.left);
  const list = $("round-cards");
  list.replaceChildren();
  for (const c of r.cards) {
    const li = el("li");
    li.appendChild(el("div", c.text));
    const row = el("div", undefined, "dots");
    const minus = el("button", "−");
    minus.type = "button";
    minus.disabled = c.mine === 0;
    minus.setAttribute("aria-label", "−1");
    minus.addEventListener("click", () => dots(c, c.mine - 1));
    const plus = el("button", "+");
    plus.type = "button";
    plus.disabled = r.left === 0;
    plus.setAttribute("aria-label", "+1");
    plus.addEventListener("click", () => dots(c, c.mine + 1));
    row.append(minus, el("b", String(c.mine)), plus);
    li.appendChild(row);
    list.appendChild(li);
  }
}

async function refresh() {
  const reply = await call("GET", "api/state");
  if (reply.error) { say(reply); return; }
  state = reply;
  if (!lang) { lang = state.lang; words(); }
  draw();
}

async function send() {
  const text = $("text").value.trim();
  if (!text) { say({ error: "empty" }); return; }
  $("send").disabled = true;
  let reply = await call("POST", "api/cards", { text, kind: $("kind").value || null });
  if (reply.error === "csrf") { await refresh(); reply = await call("POST", "api/cards", { text, kind: $("kind").value || null }); }
  $("send").disabled = false;
  say(reply, w().sent);
  if (!reply.error) { $("text").value = ""; count(); }
  await refresh();
}

async function dots(card, n) {
  const reply = await call("POST", "api/dots", { round: state.round.id, card: card.id, count: n });
  say(reply);
  await refresh();
}

document.addEventListener("DOMContentLoaded", () => {
  words();
  $("lang").addEventListener("click", () => {
    lang = lang === "en" ? "pl" : "en";
    localStorage.setItem("narada-lang", lang);
    words();
    draw();
  });
  $("send").addEventListener("click", send);
  $("text").addEventListener("input", count);
  refresh();
  setInterval(refresh, 4000);
});
