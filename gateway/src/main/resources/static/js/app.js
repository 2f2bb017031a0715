// The single-page app: a hash router (#/math, #/microblog/users/alice, ...) over one page per
// system. Each page module exports render(main, route) and draws into <main>.
import { h, show } from "./dom.js";
import { session } from "./session.js";
import * as home from "./home.js";
import * as math from "./math.js";
import * as menus from "./menus.js";
import * as microblog from "./microblog.js";

const pages = { "": home, math, menus, microblog };

/** "#/microblog/users/alice?x=1" → {page: "microblog", parts: ["users", "alice"], query}. */
function currentRoute() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const [path, search = ""] = hash.split("?");
  const [page = "", ...parts] = path.split("/").filter(Boolean);
  return { page, parts, query: new URLSearchParams(search) };
}

async function render() {
  const main = document.getElementById("main");
  const route = currentRoute();
  const page = pages[route.page];
  markCurrentLink(route.page);
  if (!page) {
    show(main, h("h1", {}, "Not found"), h("p", {}, "There is no such page. ", h("a", { href: "#/" }, "Go home")));
    return;
  }
  try {
    await page.render(main, route);
  } catch (error) {
    show(main, h("h1", {}, "Something went wrong"), h("p", { class: "message error" }, error.message));
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
