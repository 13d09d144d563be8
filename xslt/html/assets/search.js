/* The search page: the site's own interface over Pagefind's JavaScript API (pagefind/).

   Pagefind answers every query with something: when no page holds all the words it falls
   back to pages holding some of them, and a word it does not know is replaced by the
   longest beginning of it that it does know ("a" for "Aleksandrov"). A reader searching for
   a name that is in no document must be told so, so each candidate is kept only if its
   text has every word searched for (a word of the text that begins with it, or that shares
   all but its last three letters with it: "warships" finds "warship"). Results are checked
   ten at a time, so a common word does not load every page of the index at once.

   The index is in shards, merged here into one search (each shard ranks its own results;
   Pagefind sorts the merged list by score). Filters (archive, language, year, person) come
   from the index, their counts summed over the shards; their choice and the
   query live in the address (?q=...&year=1965), so that a search can be linked. */

const FILTERS = [["archive", "Archive"], ["language", "Original language"], ["year", "Year"], ["person", "Person"]];
const BATCH = 10;

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterBox = document.getElementById("search-filters");

let pagefind = null;
let state = { candidates: [], position: 0, found: 0, terms: [], generation: 0 };

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function common(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/* Does the text (its words, a Set) hold this search term? */
function holds(textWords, term) {
  for (const word of textWords) {
    if (word.startsWith(term)) return true;
    if (term.length > 4 && common(word, term) >= Math.max(4, term.length - 3)) return true;
  }
  return false;
}

function matches(data, terms) {
  if (!terms.length) return true;
  const textWords = new Set(words([data.meta && data.meta.title, data.content].join(" ")));
  return terms.every((term) => holds(textWords, term));
}

/* Pagefind's excerpt with its <mark>s, rebuilt as text nodes: nothing else of it is markup. */
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const p = document.createElement("p");
  p.className = "tk-result-excerpt";
  parsed.querySelectorAll("p").forEach((source) => source.childNodes.forEach(function add(node) {
    if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent);
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else node.childNodes.forEach(add);
  }));
  return p;
}

function render(data) {
  const item = document.createElement("li");
  item.className = "tk-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "tk-result-link";
  link.textContent = (data.meta && data.meta.title) || data.url;
  heading.append(link);
  item.append(heading);
  const facts = [data.meta && data.meta.date, ...((data.filters && data.filters.archive) || [])].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "tk-result-meta";
    meta.textContent = facts.join(" · ");
    item.append(meta);
  }
  item.append(excerpt(data.excerpt || ""));
  list.append(item);
}

function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

function say(query) {
  const done = state.position >= state.candidates.length;
  more.hidden = done;
  if (state.found === 0 && done) {
    status.textContent = query ? `No document contains “${query}”.` : "No document matches these filters.";
  } else if (done) {
    status.textContent = `${plural(state.found, "document", "documents")} found.`;
  } else {
    status.textContent = `${plural(state.found, "document", "documents")} shown; there may be more.`;
  }
}

async function next(query, wanted) {
  const generation = state.generation;
  let added = 0;
  while (added < wanted && state.position < state.candidates.length) {
    const batch = state.candidates.slice(state.position, state.position + BATCH);
    state.position += batch.length;
    const datas = await Promise.all(batch.map((result) => result.data()));
    if (generation !== state.generation) return;  // a newer search has started
    for (const data of datas) {
      if (matches(data, state.terms)) {
        render(data);
        state.found += 1;
        added += 1;
      }
    }
  }
  say(query);
}

function chosenFilters() {
  const chosen = {};
  filterBox.querySelectorAll("select").forEach((select) => {
    if (select.value) chosen[select.name] = select.value;
  });
  return chosen;
}

function remember(query, chosen) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, value] of Object.entries(chosen)) params.set(name, value);
  const address = `${location.pathname}${params.toString() ? "?" + params : ""}`;
  history.replaceState(null, "", address);
}

async function run() {
  const query = input.value.trim();
  const chosen = chosenFilters();
  remember(query, chosen);
  state.generation += 1;
  const generation = state.generation;
  list.replaceChildren();
  more.hidden = true;
  if (!query && !Object.keys(chosen).length) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const phrase = /^\s*".+"\s*$/.test(query);
  const search = await pagefind.search(query || null, { filters: chosen });
  if (generation !== state.generation) return;
  state = { candidates: search ? search.results : [], position: 0, found: 0,
            terms: phrase ? [] : words(query), generation };
  await next(query, BATCH);
}

async function filters() {
  const available = await pagefind.filters();
  const params = new URLSearchParams(location.search);
  for (const [name, label] of FILTERS) {
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b));
    if (!values.length) continue;
    const wrap = document.createElement("div");
    wrap.className = "tk-filter";
    const id = `filter-${name}`;
    const caption = document.createElement("label");
    caption.htmlFor = id;
    caption.textContent = label;
    const select = document.createElement("select");
    select.id = id;
    select.name = name;
    const all = document.createElement("option");
    all.value = "";
    all.textContent = "All";
    select.append(all);
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${available[name][value]})`;
      select.append(option);
    }
    if (values.includes(params.get(name))) select.value = params.get(name);
    select.addEventListener("change", run);
    wrap.append(caption, select);
    filterBox.append(wrap);
  }
  filterBox.hidden = !filterBox.children.length;
}

async function start() {
  if (location.protocol === "file:") {  // browsers do not let pages read files from disk
    status.textContent = "Search needs the edition to be served over HTTP (for example " +
      "`python3 -m http.server` in this folder); the documents and registers work from disk.";
    return;
  }
  // The index is in shards (pagefind/N/, listed in pagefind/shards.json), so that a rebuild
  // re-indexes only the shard of a changed document; the first is loaded, the others merged.
  const root = new URL("../pagefind/", import.meta.url);
  let shards = [];
  try {
    const response = await fetch(new URL("shards.json", root));
    if (response.ok) shards = await response.json();
    if (!Array.isArray(shards) || !shards.length) throw new Error("no shards");
    pagefind = await import(new URL(`${shards[0]}/pagefind.js`, root).href);
  } catch (error) {
    status.textContent = "The search index is missing: the edition has no documents yet.";
    return;
  }
  // Result URLs relative to the site's folder, so that the edition works under any path.
  const options = { baseUrl: new URL("..", import.meta.url).pathname, excerptLength: 28 };
  await pagefind.options(options);
  // each with a trailing slash: Pagefind skips an index whose path begins the first's
  await Promise.all(shards.slice(1).map((name) => pagefind.mergeIndex(new URL(`${name}/`, root).pathname, options)));
  await filters();
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  more.addEventListener("click", () => next(input.value.trim(), BATCH));
  const query = new URLSearchParams(location.search).get("q");
  if (query) input.value = query;
  if (query || Object.keys(chosenFilters()).length) run();
}

start();
