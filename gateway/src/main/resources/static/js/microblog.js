// Microblog: the public timeline, posting, a user's page, search, sign up and log in — over the
// users, tweets and search APIs.
import { api } from "./api.js";
import { field, h, messageArea, show, showError, showInfo, when } from "./dom.js";
import { session } from "./session.js";

const PAGE_SIZE = 10;
let tagNames = null;

export async function render(main, route) {
  const [view, argument] = route.parts;
  switch (view) {
    case undefined:
      return renderTimeline(main, route.query);
    case "login":
      return renderLogin(main);
    case "signup":
      return renderSignup(main);
    case "users":
      return renderUser(main, argument, route.query);
    case "search":
      return renderSearch(main, route.query);
    default:
      location.hash = "#/microblog";
  }
}

// ---- pages ----

async function renderTimeline(main, query, notice) {
  document.title = "Microblog — Flotilla";
  const before = query.get("before");
  const list = h("section", { "aria-label": "Public timeline" });
  show(main,
    h("h1", {}, "Microblog"),
    session.username()
      ? await postForm((posted) => renderTimeline(main, new URLSearchParams(), posted), notice)
      : signInHint(),
    await searchForm(),
    h("h2", {}, "Public timeline"),
    list);
  await fillTweets(list, "/api/v1/tweets/", before, "#/microblog");
}

async function renderUser(main, username, query) {
  document.title = `@${username} — Flotilla`;
  const before = query.get("before");
  const list = h("section", { "aria-label": `Tweets by ${username}` });
  const heading = h("h1", {}, `@${username}`);
  show(main, h("p", {}, h("a", { href: "#/microblog" }, "← Timeline")), heading, list);
  try {
    const profile = (await api(`/api/v1/users/${encodeURIComponent(username)}`)).body;
    heading.after(h("p", { class: "meta" }, `${profile.first_name} ${profile.last_name} · joined `, when(profile.created)));
  } catch (error) {
    show(list, h("p", { class: "message error" }, error.status === 404 ? `There is no user @${username}.` : error.message));
    return;
  }
  await fillTweets(list, `/api/v1/tweets/${encodeURIComponent(username)}`, before,
    `#/microblog/users/${encodeURIComponent(username)}`);
}

async function renderSearch(main, query) {
  document.title = "Search — Flotilla";
  const keyword = query.get("keyword") ?? "";
  const tag = query.get("tag") ?? "";
  const page = pageOf(query);
  const results = h("section", { "aria-label": "Search results", id: "search-results" });
  show(main, h("p", {}, h("a", { href: "#/microblog" }, "← Timeline")), h("h1", {}, "Search"),
    await searchForm(keyword, tag), results);
  if (!keyword && !tag) return;
  const params = new URLSearchParams({ page, size: PAGE_SIZE });
  if (keyword) params.set("keyword", keyword);
  if (tag) params.set("tag", tag);
  try {
    const tweets = (await api(`/api/v1/search/?${params}`)).body;
    const base = new URLSearchParams({ keyword, tag });
    show(results,
      tweets.length ? tweetList(tweets) : h("p", {}, "Nothing found."),
      pager(page, tweets.length === PAGE_SIZE, (p) => `#/microblog/search?${base}&page=${p}`));
  } catch (error) {
    show(results, h("p", { class: "message error" }, error.message));
  }
}

function renderLogin(main) {
  document.title = "Log in — Flotilla";
  const username = h("input", { id: "login-username", name: "username", autocomplete: "username", required: true });
  const password = h("input", { id: "login-password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const message = messageArea();
  const form = h("form", { class: "stack narrow", onsubmit: async (event) => {
    event.preventDefault();
    try {
      await logIn(username.value.trim(), password.value);
      location.hash = "#/microblog";
    } catch (error) {
      showError(message, error);
    }
  } },
  field("Username", username), field("Password", password), h("button", { type: "submit" }, "Log in"), message);
  show(main, h("h1", {}, "Log in"), form,
    h("p", {}, "No account yet? ", h("a", { href: "#/microblog/signup" }, "Sign up"), ". On the laptop system (./flotilla up) the demo users karina, bob, simon and gina have the password flotilla-demo."));
  username.focus();
}

function renderSignup(main) {
  document.title = "Sign up — Flotilla";
  const inputs = {
    username: h("input", { id: "signup-username", name: "username", autocomplete: "username", required: true }),
    email: h("input", { id: "signup-email", name: "email", type: "email", autocomplete: "email", required: true }),
    first_name: h("input", { id: "signup-first-name", name: "first_name", autocomplete: "given-name", required: true }),
    last_name: h("input", { id: "signup-last-name", name: "last_name", autocomplete: "family-name", required: true }),
    password: h("input", { id: "signup-password", name: "password", type: "password", autocomplete: "new-password", required: true }),
  };
  const message = messageArea();
  const form = h("form", { class: "stack narrow", novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, name === "password" ? input.value : input.value.trim()]));
    try {
      await api("/api/v1/users", { method: "POST", json: body });
      await logIn(body.username, body.password);
      location.hash = "#/microblog";
    } catch (error) {
      showError(message, error);
    }
  } },
  field("Username", inputs.username, "3–30 lower-case letters, digits or _, starting with a letter."),
  field("Email", inputs.email),
  field("First name", inputs.first_name),
  field("Last name", inputs.last_name),
  field("Password", inputs.password, "At least 8 characters."),
  h("button", { type: "submit" }, "Sign up"),
  message);
  show(main, h("h1", {}, "Sign up"), form);
  inputs.username.focus();
}

// ---- parts ----

async function logIn(username, password) {
  const { body } = await api("/api/v1/auth/login", { method: "POST", json: { username, password } });
  session.start(body.access_token);
}

function signInHint() {
  return h("p", { class: "message info" }, h("a", { href: "#/microblog/login" }, "Log in"), " or ",
    h("a", { href: "#/microblog/signup" }, "sign up"), " to post.");
}

async function tags() {
  if (!tagNames) {
    tagNames = (await api("/api/v1/tweets/tags")).body.map((t) => t.name);
  }
  return tagNames;
}

function tagSelect(id, selected, emptyLabel) {
  return tags().then((names) =>
    h("select", { id, name: "tag" },
      h("option", { value: "" }, emptyLabel),
      names.map((name) => h("option", { value: name, selected: name === selected }, name))));
}

/** The new-tweet form; after a post, `onPosted(notice)` redraws the page with the notice shown. */
async function postForm(onPosted, notice) {
  const fields = await tweetFields("post", { text: "", tag: "", private: false }, "What's happening?");
  const message = messageArea();
  if (notice) showInfo(message, notice);
  return h("form", { class: "stack post", "aria-label": "New tweet", onsubmit: async (event) => {
    event.preventDefault();
    try {
      const body = fields.body();
      await api("/api/v1/tweets/", { method: "POST", auth: true, json: body });
      await onPosted(body.private ? "Posted. Private tweets show only on your own page." : "Posted.");
    } catch (error) {
      showError(message, error);
    }
  } },
  fields.elements, h("button", { type: "submit" }, "Post"), message);
}

/**
 * The fields of a tweet form, new or edited: its text with a character count, its tag and its
 * privacy. `body()` is what the tweets API takes.
 */
async function tweetFields(idPrefix, tweet, textLabel) {
  const text = h("textarea", { id: `${idPrefix}-text`, name: "text", rows: 3, required: true }, tweet.text);
  const count = h("small", { class: "hint", "aria-live": "off" });
  const countText = () => show(count, `${[...text.value].length} / 280`);
  text.addEventListener("input", countText);
  countText();
  const tag = await tagSelect(`${idPrefix}-tag`, tweet.tag ?? "", "(no tag)");
  const isPrivate = h("input", { id: `${idPrefix}-private`, name: "private", type: "checkbox", checked: tweet.private });
  return {
    text,
    elements: [
      field(textLabel, text), count,
      h("div", { class: "row" }, field("Tag", tag),
        h("div", { class: "field checkbox" }, isPrivate, h("label", { for: isPrivate.id }, "Private"))),
    ],
    body: () => ({ text: text.value, tag: tag.value || undefined, private: isPrivate.checked }),
  };
}

async function searchForm(keyword = "", selectedTag = "") {
  const input = h("input", { id: "search-keyword", name: "keyword", type: "search", value: keyword });
  const tag = await tagSelect("search-tag", selectedTag, "(any tag)");
  const message = messageArea();
  return h("form", { class: "row search", role: "search", onsubmit: (event) => {
    event.preventDefault();
    if (!input.value.trim() && !tag.value) {
      showInfo(message, "Type a word or pick a tag.");
      return;
    }
    location.hash = `#/microblog/search?${new URLSearchParams({ keyword: input.value.trim(), tag: tag.value })}`;
  } },
  field("Search", input), field("Tag", tag), h("button", { type: "submit" }, "Search"), message);
}

// Newest first, PAGE_SIZE at a time, following the API's `next` links (a cursor in `before`), so
// that a page never repeats or skips tweets written meanwhile and costs the same at any depth.
async function fillTweets(list, path, before, pageLink) {
  const params = new URLSearchParams({ size: PAGE_SIZE });
  if (before) params.set("before", before);
  try {
    const { body, headers } = await api(`${path}?${params}`, { auth: true });
    const next = nextBefore(headers.get("Link"));
    show(list,
      body.length ? tweetList(body) : h("p", {}, "No tweets yet."),
      before || next
        ? h("nav", { class: "pager", "aria-label": "Pages" },
          before ? h("a", { href: pageLink }, "← Newest") : null,
          next ? h("a", { href: `${pageLink}?${new URLSearchParams({ before: next })}`, rel: "next" }, "Older →") : null)
        : null);
  } catch (error) {
    show(list, h("p", { class: "message error" }, error.message));
  }
}

function tweetList(tweets) {
  return h("ol", { class: "tweets" }, tweets.map((tweet) => h("li", {}, tweetView(tweet))));
}

function tweetView(tweet) {
  const own = tweet.username === session.username();
  const article = h("article", { class: "tweet", "data-tweet-id": tweet.id });
  const message = messageArea();
  const draw = () => show(article,
    h("header", {},
      h("a", { href: `#/microblog/users/${encodeURIComponent(tweet.username)}`, class: "author" }, `@${tweet.username}`),
      " · ", when(tweet.created),
      tweet.tag ? h("span", { class: "tag" }, `#${tweet.tag}`) : null,
      tweet.private ? h("span", { class: "private" }, "private") : null),
    h("p", { class: "text" }, tweet.text),
    own ? h("div", { class: "actions" },
      h("button", { type: "button", class: "link", onclick: edit }, "Edit"),
      h("button", { type: "button", class: "link danger", onclick: remove }, "Delete")) : null,
    message);

  async function edit() {
    const fields = await tweetFields(`edit-${tweet.id}`, tweet, "Text");
    show(article, h("form", { class: "stack", "aria-label": "Edit tweet", onsubmit: async (event) => {
      event.preventDefault();
      try {
        const { body } = await api(`/api/v1/tweets/${tweet.id}`, { method: "PUT", auth: true, json: fields.body() });
        Object.assign(tweet, body);
        draw();
      } catch (error) {
        showError(message, error);
      }
    } },
    fields.elements,
    h("div", { class: "row" }, h("button", { type: "submit" }, "Save"), h("button", { type: "button", class: "link", onclick: draw }, "Cancel")),
    message));
    fields.text.focus();
  }

  async function remove() {
    if (!confirm("Delete this tweet?")) return;
    try {
      await api(`/api/v1/tweets/${tweet.id}`, { method: "DELETE", auth: true });
      show(article, h("p", { class: "message info" }, "Tweet deleted."));
    } catch (error) {
      showError(message, error);
    }
  }

  draw();
  return article;
}

function pager(page, hasMore, linkTo) {
  if (page === 0 && !hasMore) return null;
  return h("nav", { class: "pager", "aria-label": "Pages" },
    page > 0 ? h("a", { href: linkTo(page - 1), rel: "prev" }, "← Newer") : null,
    h("span", {}, `Page ${page + 1}`),
    hasMore ? h("a", { href: linkTo(page + 1), rel: "next" }, "Older →") : null);
}

/** The `before` of a Link header's `next`, or null. */
function nextBefore(link) {
  const next = /<([^>]*)>;\s*rel="next"/.exec(link ?? "");
  return next ? new URL(next[1], location.origin).searchParams.get("before") : null;
}

function pageOf(query) {
  const page = Number.parseInt(query.get("page") ?? "0", 10);
  return Number.isFinite(page) && page >= 0 ? page : 0;
}
