// The single-page app: a hash router (#/math, #/microblog/users/alice, ...) over one page per
// system. Each page module exports render(main, route) and draws into <main>.
import { h, show } from "./dom.js";
import { session } from "./session.js";
import * as home from "./home.js";
import * as math from "./math.js";
import * as menus from "./menus.js";
import * as microblog from "./microblog.js";

const pages = { "": home, math, menus, microblog };

/**
 * "#/microblog/users/alice?x=1" → {page: "microblog", parts: ["users", "alice"], query}. Each path
 * segment is decoded on its own and the query is left to URLSearchParams, so a "+", "&" or "/"
 * typed into a search stays what it was.
 */
function currentRoute() {
  const [path, search = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [page = "", ...parts] = path.split("/").filter(Boolean).map(decodeSegment);
  return { page, parts, query: new URLSearchParams(search) };
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%": taken as typed
  }
}

async function render() {
  const route = currentRoute();
  const page = pages[route.page];
  markCurrentLink(route.page);
  // Each page draws into a view of its own: a slower, older page that is still loading draws
  // into its detached view, never over the page the user went to since.
  const view = h("div", { class: "view" });
  document.getElementById("main").replaceChildren(view);
  if (!page) {
    show(view, h("h1", {}, "Not found"), h("p", {}, "There is no such page. ", h("a", { href: "#/" }, "Go home")));
    return;
  }
  try {
    await page.render(view, route);
  } catch (error) {
    show(view, h("h1", {}, "Something went wrong"), h("p", { class: "message error" }, error.message));
  }
}

function markCurrentLink(page) {
  for (const link of document.querySelectorAll(".nav-links a")) {
    const current = page && link.getAttribute("href") === `#/${page}`;
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function renderSession() {
  const area = document.getElementById("session");
  const username = session.username();
  if (username) {
    show(
      area,
      h("a", { href: `#/microblog/users/${encodeURIComponent(username)}` }, `@${username}`),
      h("button", { type: "button", class: "link", onclick: () => { session.clear(); location.hash = "#/microblog"; } }, "Log out"),
    );
  } else {
    show(area, h("a", { href: "#/microblog/login" }, "Log in"), h("a", { href: "#/microblog/signup" }, "Sign up"));
  }
}

window.addEventListener("hashchange", () => {
  render();
  // Keyboard and screen-reader users land on the new content, not at the top of the page.
  document.getElementById("main").focus({ preventScroll: true });
  window.scrollTo(0, 0);
});
session.onChange(renderSession);
renderSession();
render();
