// The newsflow live page. Every piece of data goes into the page as text (textContent, attribute values), never as
// markup, so a title or a name cannot inject anything.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const MAX_EVENTS = 100;
const POLL_MS = 3000;
const REFRESH_MS = 15000;
const COLORS = ["#2f6fde", "#d9480f", "#2b8a3e", "#ae3ec9", "#e67700", "#0b7285", "#c2255c", "#5c940d"];

const shown = new Map(); // event id -> <li>

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

/** JSON of a GET; null when the API answers 404 (that part of the server is not there), an error otherwise. */
async function getJson(path) {
  const r = await fetch(path, { cache: "no-store" });
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(path + " answered " + r.status);
  return r.json();
}

function unavailable(target, what) {
  target.replaceChildren(el("p", { class: "unavailable" }, what + " not available on this server"));
}

function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? "" : d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

// ---- latest events ----

function eventItem(s) {
  const link = el("a", { class: "title", href: "/api/events/" + encodeURIComponent(s.id), target: "_blank" },
    s.title || s.id);
  const labels = el("ul", { class: "chips" });
  for (const l of s.labels || []) {
    labels.append(el("li", { class: "chip label", title: "score " + Number(l.score).toFixed(2) },
      l.label + " " + Number(l.score).toFixed(2)));
  }
  for (const x of s.entities || []) {
    const b = el("button", { class: "chip " + x.type, type: "button", title: x.type + " " + x.id }, x.name);
    b.addEventListener("click", () => showEntity(x.id, x.name));
    labels.append(el("li", {}, b));
  }
  const li = el("li", { "data-id": s.id }, link, el("span", { class: "when" }, when(s.published)), labels);
  return li;
}

function addEvent(s, fresh) {
  const list = document.getElementById("events");
  const old = shown.get(s.id);
  if (old) old.remove();
  const li = eventItem(s);
  if (fresh) li.classList.add("fresh");
  list.prepend(li);
  shown.set(s.id, li);
  while (list.children.length > MAX_EVENTS) {
    const last = list.lastElementChild;
    shown.delete(last.getAttribute("data-id"));
    last.remove();
  }
  document.getElementById("events-empty").hidden = list.children.length > 0;
}

async function loadLatest() {
  const data = await getJson("/api/events/latest?limit=50");
  if (!data) return;
  // Oldest first so the newest ends on top.
  for (const s of data.items.slice().reverse()) {
    if (!shown.has(s.id)) addEvent(s, false);
  }
}

function setStatus(text, cls) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = "status " + (cls || "");
}

let pollTimer = null;
function startPolling(reason) {
  setStatus("polling every " + POLL_MS / 1000 + " s (" + reason + ")", "polling");
  if (pollTimer) return;
  pollTimer = setInterval(() => loadLatest().catch(() => setStatus("server unreachable", "")), POLL_MS);
}

function stopPolling() {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
}

function connect() {
  if (!window.EventSource) {
    startPolling("no EventSource");
    return;
  }
  const es = new EventSource("/api/events/stream");
  let failures = 0;
  es.onopen = () => {
    failures = 0;
    stopPolling();
    setStatus("live", "live");
    // Whatever arrived while the stream was down.
    loadLatest().catch(() => {});
  };
  es.onmessage = (m) => {
    try {
      addEvent(JSON.parse(m.data), true);
    } catch (e) {
      console.warn("bad event", e);
    }
  };
  es.onerror = () => {
    failures++;
    // The browser retries by itself; poll meanwhile, and give the stream up after a few failed tries.
    startPolling("stream down");
    if (failures >= 5) es.close();
  };
}

// ---- labels over time ----

function labelChart(labels) {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return el("p", { class: "empty" }, "No labelled article in this window.");
  const w = 520, h = 150, pad = 22;
  const starts = [...new Set(names.flatMap((n) => labels[n].map((p) => p.start)))].sort();
  const max = Math.max(1, ...names.flatMap((n) => labels[n].map((p) => p.count)));
  const x = (i) => pad + (starts.length <= 1 ? 0 : (i * (w - 2 * pad)) / (starts.length - 1));
  const y = (c) => h - pad - (c * (h - 2 * pad)) / max;
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", role: "img" });
  chart.append(svg("line", { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: "#e4e7ec" }));
  const top = svg("text", { x: 2, y: pad }); top.textContent = String(max); chart.append(top);
  if (starts.length) {
    const a = svg("text", { x: pad, y: h - 6 }); a.textContent = when(starts[0]); chart.append(a);
    const b = svg("text", { x: w - pad, y: h - 6, "text-anchor": "end" });
    b.textContent = when(starts[starts.length - 1]); chart.append(b);
  }
  const legend = el("div", { class: "legend" });
  names.forEach((n, k) => {
    const color = COLORS[k % COLORS.length];
    const byStart = new Map(labels[n].map((p) => [p.start, p.count]));
    const pts = starts.map((s, i) => `${x(i).toFixed(1)},${y(byStart.get(s) || 0).toFixed(1)}`).join(" ");
    const line = svg("polyline", { points: pts, fill: "none", stroke: color, "stroke-width": 2 });
    const title = svg("title", {}); title.textContent = n; line.append(title);
    chart.append(line);
    const total = labels[n].reduce((t, p) => t + p.count, 0);
    const item = el("span", { style: "--c:" + color }, n + " (" + total + ")");
    legend.append(item);
  });
  return el("div", {}, chart, legend);
}

async function loadLabels() {
  const target = document.getElementById("labels");
  const windowSel = document.getElementById("labels-window").value;
  try {
    const data = await getJson("/api/labels?window=" + encodeURIComponent(windowSel));
    if (!data) return unavailable(target, "Trends");
    target.replaceChildren(labelChart(data.labels || {}));
  } catch (e) {
    unavailable(target, "Trends");
  }
}

// ---- trending entities ----

function sparkline(series) {
  const w = 120, h = 24;
  const max = Math.max(1, ...series);
  const step = series.length > 1 ? w / (series.length - 1) : 0;
  const pts = series.map((c, i) => `${(i * step).toFixed(1)},${(h - 2 - (c * (h - 4)) / max).toFixed(1)}`);
  const s = svg("svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}`, class: "sparkline" });
  s.append(svg("polyline", { points: pts.join(" "), class: "spark" }));
  return s;
}

async function loadTrends() {
  const table = document.getElementById("trends");
  const type = document.getElementById("trends-type").value;
  const windowSel = document.getElementById("trends-window").value;
  try {
    const data = await getJson("/api/trends?window=" + encodeURIComponent(windowSel) + "&type="
      + encodeURIComponent(type) + "&limit=20");
    if (!data) return unavailable(table, "Trends");
    const rows = [el("tr", {}, el("th", {}, "entity"), el("th", {}, "count"), el("th", {}, "spike"),
      el("th", {}, "last " + (data.items[0] ? data.items[0].series.length : 24) + " buckets"))];
    for (const it of data.items) {
      const b = el("button", { class: "chip " + it.type, type: "button", title: it.id }, it.name);
      b.addEventListener("click", () => showEntity(it.id, it.name));
      rows.push(el("tr", {}, el("td", {}, b), el("td", { class: "num" }, it.count),
        el("td", { class: "num" }, Number(it.spike).toFixed(1)), el("td", {}, sparkline(it.series || []))));
    }
    if (data.items.length === 0) rows.push(el("tr", {}, el("td", { colspan: "4", class: "empty" }, "Nothing yet.")));
    table.replaceChildren(...rows);
  } catch (e) {
    unavailable(table, "Trends");
  }
}

// ---- entity search ----

function timelineChart(points) {
  const w = 520, h = 110, pad = 18;
  const max = Math.max(1, ...points.map((p) => p.count));
  const bw = points.length ? (w - 2 * pad) / points.length : 0;
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", role: "img" });
  points.forEach((p, i) => {
    const bh = (p.count * (h - 2 * pad)) / max;
    const r = svg("rect", { x: pad + i * bw, y: h - pad - bh, width: Math.max(1, bw - 1), height: bh, class: "bar" });
    const t = svg("title", {}); t.textContent = when(p.start) + ": " + p.count; r.append(t);
    chart.append(r);
  });
  const top = svg("text", { x: 0, y: pad }); top.textContent = String(max); chart.append(top);
  if (points.length) {
    const a = svg("text", { x: pad, y: h - 4 }); a.textContent = when(points[0].start); chart.append(a);
    const b = svg("text", { x: w - pad, y: h - 4, "text-anchor": "end" });
    b.textContent = when(points[points.length - 1].end); chart.append(b);
  }
  return chart;
}

async function showEntity(id, name) {
  const target = document.getElementById("entity");
  target.replaceChildren(el("h3", {}, name + " "), el("p", { class: "hint" }, "loading…"));
  const base = "/api/entities/" + encodeURIComponent(id);
  try {
    // Labels and countries have counts but no article list: the trends stage keeps articles per entity only.
    const perEntity = !/^(label|country):/.test(id);
    const [timeline, articles] = await Promise.all([
      getJson(base + "/timeline?window=15m"), perEntity ? getJson(base + "/articles?limit=10") : null]);
    const parts = [el("h3", {}, (timeline && timeline.name) || name, el("span", { class: "when" }, id))];
    if (timeline) parts.push(timelineChart(timeline.points || []));
    else parts.push(el("p", { class: "unavailable" }, "Timeline not available on this server"));
    if (articles) {
      const ul = el("ul", { class: "events" });
      for (const a of articles.articles) {
        ul.append(el("li", {}, el("a", { class: "title", href: "/api/events/" + encodeURIComponent(a.id),
          target: "_blank" }, a.title || a.id), el("span", { class: "when" }, when(a.published)),
          el("span", { class: "when" }, (a.labels || []).join(", "))));
      }
      if (!articles.articles.length) ul.append(el("li", { class: "empty" }, "No article yet."));
      parts.push(ul);
    } else if (!perEntity) {
      parts.push(el("p", { class: "hint" }, "Articles are listed for people, organisations and places."));
    } else {
      parts.push(el("p", { class: "unavailable" }, "Articles not available on this server"));
    }
    target.replaceChildren(...parts);
  } catch (e) {
    target.replaceChildren(el("p", { class: "unavailable" }, "Could not load " + name + ": " + e.message));
  }
}

async function search(q) {
  const results = document.getElementById("search-results");
  try {
    const data = await getJson("/api/entities?q=" + encodeURIComponent(q) + "&limit=10");
    if (!data) return unavailable(results, "Entity search");
    const items = data.items.map((x) => {
      const b = el("button", { class: "chip " + x.type, type: "button", title: x.id }, x.name + " (" + x.total + ")");
      b.addEventListener("click", () => showEntity(x.id, x.name));
      return el("li", {}, b);
    });
    if (!items.length) items.push(el("li", { class: "empty" }, "No entity matches."));
    results.replaceChildren(...items);
    if (data.items.length) showEntity(data.items[0].id, data.items[0].name);
  } catch (e) {
    results.replaceChildren(el("li", { class: "unavailable" }, "Search failed: " + e.message));
  }
}

// ---- start ----

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-q").value.trim();
  if (q) search(q);
});
document.getElementById("labels-window").addEventListener("change", loadLabels);
document.getElementById("trends-type").addEventListener("change", loadTrends);
document.getElementById("trends-window").addEventListener("change", loadTrends);

loadLatest().catch(() => setStatus("server unreachable", ""));
connect();
loadLabels();
loadTrends();
setInterval(() => { loadLabels(); loadTrends(); }, REFRESH_MS);
