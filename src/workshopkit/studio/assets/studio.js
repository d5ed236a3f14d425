// The studio's page: it speaks to the studio's JSON API (/api/openapi.json) and nothing else.
// No framework and no build step: a trainer's laptop runs it as it is served.
const words = JSON.parse(document.getElementById("words").textContent);
const $ = (id) => document.getElementById(id);
const LANG_COOKIE = "workshopkit-studio-lang";
const SAVE_AFTER_MS = 800;
const state = { path: null, version: 0, timer: null, saving: null, dirty: false };

function api(path) {
  return "/api/definitions/" + path.split("/").map(encodeURIComponent).join("/");
}

async function call(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options });
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : null;
  return { ok: response.ok, status: response.status, body, response };
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function say(text) { $("status").textContent = text; }

// ---- tabs -------------------------------------------------------------------------------
function select(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const chosen = tab.id === "tab-" + name;
    tab.setAttribute("aria-selected", chosen);
    tab.tabIndex = chosen ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !chosen;
  }
  if (name === "agenda" && state.path) loadAgenda();
}

document.querySelector("nav").addEventListener("click", (event) => {
  const tab = event.target.closest("[role=tab]");
  if (tab && !tab.disabled) select(tab.id.slice(4));
});
document.querySelector("nav").addEventListener("keydown", (event) => {
  if (!["ArrowLeft", "ArrowRight"].includes(event.key)) return;
  const tabs = [...document.querySelectorAll("[role=tab]:not(:disabled)")];
  const at = tabs.indexOf(document.activeElement);
  const next = tabs[(at + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
  next.focus();
  select(next.id.slice(4));
});

// ---- start: the folder's definitions and the library ----------------------------------
async function loadStart() {
  const [mine, shipped] = await Promise.all([call("/api/definitions"), call("/api/library")]);
  $("definitions").replaceChildren(...mine.body.map((d) => element("li", {},
    element("div", { class: "title", text: d.title || d.id }),
    element("div", { class: "meta", text: d.path }),
    element("div", { class: "row" }, element("button", { type: "button", text: words.open,
      "data-path": d.path, onclick: () => open(d.path, d.language) })))));
  $("library").replaceChildren(...shipped.body.map((w) => {
    const name = element("input", { type: "text", value: w.id + "-copy", "aria-label": words.new_name, size: 28 });
    return element("li", {},
      element("div", { class: "title", text: w.title }),
      element("div", { class: "meta", text: `${w.days} ${words.days} · ${w.documents.length} ${words.documents}` }),
      element("div", { class: "meta", text: w.description }),
      element("div", { class: "row" }, element("label", { text: words.new_name + " " }, name),
        element("button", { type: "button", text: words.make_new, onclick: () => makeNew(w.id, name.value) })));
  }));
}

async function makeNew(from, name) {
  const made = await call("/api/definitions", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, name }) });
  if (!made.ok) { say(words.failed + " " + (made.body && made.body.error)); return; }
  await loadStart();
  open(made.body.path, "th");
}

// ---- a definition: its text, saved as it is typed --------------------------------------
async function open(path, language) {
  const chosen = document.cookie.split("; ").find((c) => c.startsWith(LANG_COOKIE + "="));
  if (!chosen && language && language !== document.documentElement.lang) {
    document.cookie = `${LANG_COOKIE}=${language}; path=/; SameSite=Strict`;
    location.hash = path;
    location.reload();
    return;
  }
  const got = await call(api(path));
  if (!got.ok) { say(words.failed + " " + got.body.error); return; }
  state.path = path;
  location.hash = path;
  $("current").textContent = path;
  $("text").value = got.body.text;
  numberLines([]);
  for (const tab of document.querySelectorAll("[role=tab]")) tab.disabled = false;
  select("yaml");
  $("text").focus();
  $("text").setSelectionRange(0, 0);
  $("text").scrollTop = 0;
  await save();
}

function numberLines(problems) {
  const bad = new Set(problems.map((p) => p.line));
  const count = $("text").value.split("\n").length;
  const lines = [];
  for (let n = 1; n <= count; n++) lines.push(bad.has(n) ? `<span class="bad">${n}</span>` : String(n));
  $("gutter").innerHTML = lines.join("\n") + "\n";
  $("gutter").scrollTop = $("text").scrollTop;
}

$("text").addEventListener("scroll", () => { $("gutter").scrollTop = $("text").scrollTop; });
$("text").addEventListener("input", () => {
  state.dirty = true;
  say(words.unsaved);
  numberLines([]);
  clearTimeout(state.timer);
  state.timer = setTimeout(save, SAVE_AFTER_MS);
});
$("text").addEventListener("keydown", (event) => {
  if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey) {  // YAML is indented with spaces
    event.preventDefault();
    document.execCommand("insertText", false, "  ");
  }
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
    event.preventDefault();
    clearTimeout(state.timer);
    save();
  }
});

async function save() {
  if (!state.path) return;
  const path = state.path;
  const text = $("text").value;
  say(words.saving);
  const saved = await call(api(path), { method: "PUT", headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }) });
  if (!saved.ok) { say(words.failed + " " + (saved.body && saved.body.error)); return; }
  if ($("text").value === text) state.dirty = false;
  say(state.dirty ? words.unsaved : words.saved);
  showProblems($("problems"), saved.body.problems, saved.body.warnings);
  numberLines(saved.body.problems);
  if (!saved.body.problems.length) await loadDocuments();
}

function showProblems(place, problems, warnings = []) {
  const items = [...problems.map((p) => [p, ""]), ...warnings.map((p) => [p, "warning"])];
  if (!items.length) {
    place.replaceChildren(element("p", { class: "ok", text: words.no_problems }));
    return;
  }
  place.replaceChildren(element("h2", { text: problems.length ? words.problems : words.warnings }), ...items.map(([p, kind]) =>
    element("button", { type: "button", class: kind, "data-line": p.line,
      text: `${words.line} ${p.line}, ${words.column} ${p.column}: ${p.path ? p.path + ": " : ""}${p.message}`,
      onclick: () => goTo(p.line, p.column) })));
}

function goTo(line, column) {
  select("yaml");
  const lines = $("text").value.split("\n");
  let at = 0;
  for (let n = 1; n < line && n <= lines.length; n++) at += lines[n - 1].length + 1;
  at += Math.max(0, column - 1);
  $("text").focus();
  $("text").setSelectionRange(at, at);
  $("text").scrollTop = Math.max(0, (line - 5) * 21);
}

// ---- the pages of every document --------------------------------------------------------
async function loadDocuments() {
  const path = state.path;
  say(words.laying_out);
  const got = await call(api(path) + "/documents?full=1");
  if (path !== state.path) return;
  if (!got.ok) {
    say(words.failed);
    if (got.body && got.body.problems) showProblems($("problems"), got.body.problems);
    return;
  }
  say(state.dirty ? words.unsaved : words.saved);
  state.version += 1;
  $("choose").hidden = true;
  $("warnings").replaceChildren(...got.body.warnings.map((w) => element("p", { text: w })));
  $("documents").replaceChildren(...got.body.documents.map((d) => document_(path, d)));
}

function document_(path, d) {
  const base = `${api(path)}/documents/${encodeURIComponent(d.slug)}`;
  const pages = [];
  for (let n = 1; n <= d.pages; n++) {
    const image = element("img", { src: `${base}/pages/${n}.png?v=${state.version}`, loading: "lazy",
      alt: `${d.title} ${words.page} ${n}`, tabindex: 0, "data-slug": d.slug, "data-page": n });
    image.addEventListener("click", () => enlarge(image));
    image.addEventListener("keydown", (event) => { if (event.key === "Enter") enlarge(image); });
    image.addEventListener("load", () => image.classList.toggle("landscape", image.naturalWidth > image.naturalHeight));
    const sparse = (d.nearly_empty || []).includes(n);
    pages.push(element("figure", { class: sparse ? "nearly-empty" : null }, image,
      element("figcaption", { text: sparse ? `${n} · ${words.nearly_empty}` : `${n}` })));
  }
  return element("section", { class: "document", "data-slug": d.slug },
    element("h3", {}, d.title, element("span", { class: "count",
      text: `${d.slug} · ${d.pages} ${d.pages === 1 ? words.page : words.pages}` }),
      element("a", { href: `${base}.pdf?v=${state.version}`, download: `${d.slug}.pdf`, text: words.download + " PDF" })),
    element("div", { class: "pages" }, ...pages));
}

function enlarge(image) {
  $("large-image").src = image.src;
  $("large-image").alt = image.alt;
  $("large").showModal();
}

// ---- the agenda as a form ---------------------------------------------------------------
async function loadAgenda(change) {
  const path = state.path;
  const got = change
    ? await call(api(path) + "/agenda", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify(change) })
    : await call(api(path) + "/agenda");
  if (!got.ok) { say(words.failed + " " + got.body.error); return; }
  if (change) {
    $("text").value = got.body.text;
    numberLines(got.body.problems);
    showProblems($("problems"), got.body.problems, got.body.warnings);
    if (!got.body.problems.length) loadDocuments();
  }
  drawAgenda(got.body.days);
}

function drawAgenda(days) {
  if (!days.length) { $("agenda").replaceChildren(element("p", { text: words.no_agenda })); return; }
  const kinds = ["session", "registration", "break", "meal", "other"];
  $("agenda").replaceChildren(...days.map((day, d) => {
    const rows = day.items.map((item, i) => {
      const change = (field, value) => loadAgenda({ op: "set", day: d, index: i, field, value });
      const title = element("input", { type: "text", value: item.title, "aria-label": words.item });
      title.addEventListener("change", () => change("title", title.value));
      const kind = element("select", { "aria-label": words.kind },
        ...kinds.map((k) => element("option", { value: k, selected: k === item.kind ? "" : null, text: words[k] })));
      kind.addEventListener("change", () => change("kind", kind.value === "session" ? null : kind.value));
      const minutes = element("input", { type: "number", min: 1, max: 720, value: item.minutes ?? "",
        "aria-label": words.minutes });
      minutes.addEventListener("change", () => change("minutes", minutes.value ? Number(minutes.value) : null));
      const move = (to) => loadAgenda({ op: "move", day: d, index: i, to });
      return element("tr", { class: item.problem ? "bad" : null, "data-index": i },
        element("td", { class: "time", text: item.start ? `${item.start}${item.end ? "–" + item.end : ""}` : "" }),
        element("td", {}, title, item.problem ? element("div", { class: "problem", text: item.problem }) : ""),
        element("td", {}, kind), element("td", {}, minutes),
        element("td", { class: "actions" },
          element("button", { type: "button", title: words.move_up, "aria-label": words.move_up, text: "↑",
            disabled: i === 0 ? "" : null, onclick: () => move(i - 1) }),
          element("button", { type: "button", title: words.move_down, "aria-label": words.move_down, text: "↓",
            disabled: i === day.items.length - 1 ? "" : null, onclick: () => move(i + 1) }),
          element("button", { type: "button", title: words.remove, "aria-label": words.remove, text: "✕",
            onclick: () => loadAgenda({ op: "remove", day: d, index: i }) })));
    });
    return element("section", {},
      element("h2", { text: `${words.day} ${d + 1}${day.date ? " · " + day.date : ""} · ${words.starts} ${day.start ?? "?"}` }),
      element("table", { class: "agenda" },
        element("thead", {}, element("tr", {}, ...[words.time, words.item, words.kind, words.minutes, ""].map(
          (h) => element("th", { text: h })))),
        element("tbody", {}, ...rows)),
      element("button", { type: "button", class: "primary", text: words.add_item,
        onclick: () => loadAgenda({ op: "add", day: d, index: day.items.length ? day.items.length - 1 : 0,
          item: { title: words.new_item, minutes: 30 } }) }));
  }));
}

// ---- print for a roster -----------------------------------------------------------------
$("pack-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const path = state.path;
  const bar = $("pack-progress");
  bar.hidden = false;
  bar.removeAttribute("value");
  $("pack-said").textContent = words.building;
  $("pack-problems").replaceChildren();
  const events = new EventSource(api(path) + "/progress");
  events.onmessage = (message) => {
    const now = JSON.parse(message.data);
    if (now.total) {
      bar.max = now.total;
      bar.value = now.done;
      $("pack-said").textContent = `${words.building} ${now.done}/${now.total} ${words.participants_done}`;
    }
  };
  const made = await fetch(api(path) + "/pack", { method: "POST", body: new FormData(event.target),
    credentials: "same-origin" });
  events.close();
  bar.hidden = true;
  if (!made.ok) {
    const body = await made.json();
    $("pack-said").textContent = words.failed;
    $("pack-problems").replaceChildren(...(body.problems || [{ line: 0, column: 0, message: body.error }]).map((p) =>
      element("button", { type: "button", text: `${p.file || ""} ${words.row} ${p.line}, ${words.column} ${p.column}: ${p.message}` })));
    return;
  }
  const blob = await made.blob();
  const link = element("a", { href: URL.createObjectURL(blob), download: path.split("/").pop().replace(/\.ya?ml$/, "") + "-pack.zip" });
  document.body.append(link);
  link.click();
  link.remove();
  $("pack-said").textContent = words.pack_ready;
});

// ---- results ----------------------------------------------------------------------------
// the pages of a PDF the API made, as pictures that open larger
function pagePictures(base, count, name) {
  const pages = [];
  for (let n = 1; n <= count; n++) {
    const image = element("img", { src: `${base}/pages/${n}.png?v=${state.version}`, alt: `${name} ${n}`, tabindex: 0 });
    image.addEventListener("click", () => enlarge(image));
    pages.push(element("figure", {}, image, element("figcaption", { text: `${n}` })));
  }
  return pages;
}

$("results-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const path = state.path;
  $("results-said").textContent = words.building;
  const made = await call(api(path) + "/results", { method: "POST", body: new FormData(event.target) });
  if (!made.ok) {
    $("results-said").textContent = words.failed + " " + (made.body.error || "");
    $("results-problems").replaceChildren(...(made.body.problems || []).map((p) =>
      element("button", { type: "button", text: `${p.file || ""} ${words.row} ${p.line}, ${words.column} ${p.column}: ${p.message}` })));
    return;
  }
  state.version += 1;
  $("results-problems").replaceChildren(...made.body.warnings.map((w) => element("p", { text: w })));
  $("results-said").replaceChildren(
    element("a", { href: `${api(path)}/results/results.pdf`, download: "results.pdf", text: words.download + " PDF" }), " · ",
    element("a", { href: `${api(path)}/results/results.docx`, download: "results.docx", text: words.download + " DOCX" }));
  $("results-pages").replaceChildren(...pagePictures(`${api(path)}/results`, made.body.pages, words.results));
});

// ---- scans of paper forms ----------------------------------------------------------------
$("scan-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const path = state.path;
  $("scan-said").textContent = words.reading_scans;
  $("scan-problems").replaceChildren();
  $("scan-pages").replaceChildren();
  const made = await call(api(path) + "/scan", { method: "POST", body: new FormData(event.target) });
  if (!made.ok) {
    $("scan-said").textContent = words.failed + " " + (made.body.error || "");
    $("scan-problems").replaceChildren(...(made.body.problems || []).map((p) => element("p", { text: p.message })));
    return;
  }
  state.version += 1;
  $("scan-problems").replaceChildren(...made.body.unmatched.map((line) => element("p", { text: line })));
  $("scan-said").replaceChildren(
    element("strong", { text: made.body.summary }), element("br"),
    element("a", { href: `${api(path)}/scan/answers.csv`, download: "answers.csv", text: words.download + " answers.csv" }), " · ",
    element("a", { href: `${api(path)}/scan/review.pdf`, download: "review.pdf", text: words.download + " review.pdf" }),
    element("br"), words.scan_next);
  $("scan-pages").replaceChildren(...pagePictures(`${api(path)}/scan`, made.body.pages, words.scans_title));
});

// ---- language ---------------------------------------------------------------------------
$("language").addEventListener("click", () => {
  const next = document.documentElement.lang === "th" ? "en" : "th";
  document.cookie = `${LANG_COOKIE}=${next}; path=/; SameSite=Strict`;
  location.reload();
});

await loadStart();
if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1)));
