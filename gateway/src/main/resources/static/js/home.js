// Home: the systems, and whether each is up (the gateway's GET /api/v1/status).
import { api } from "./api.js";
import { h, show } from "./dom.js";

const systems = [
  { name: "Microblog", href: "#/microblog", services: ["users", "tweets", "search"],
    about: "Sign up, post tweets with tags, read the timeline, search." },
  { name: "Math", href: "#/math", services: ["math"],
    about: "Exact factorial, Fibonacci and Ackermann numbers, however big." },
  { name: "Menus", href: "#/menus", services: ["menu"],
    about: "Today's lunch in Uppsala and Solna, through a caching relay." },
  { name: "Inventory", href: "/portal/", services: ["portal"],
    about: "The public page over the private hardware inventory." },
];

export async function render(main) {
  document.title = "Flotilla";
  const cards = systems.map((system) => {
    const badge = h("span", { class: "badge", "data-system": system.name }, "checking…");
    return {
      system,
      badge,
      card: h("li", { class: "card" },
        h("h2", {}, h("a", { href: system.href }, system.name)),
        h("p", {}, system.about),
        h("p", {}, "Status: ", badge)),
    };
  });
  show(main,
    h("h1", {}, "Flotilla"),
    h("p", { class: "lead" }, "Four systems behind one gateway, one page each. Pick one:"),
    h("ul", { class: "cards" }, cards.map((c) => c.card)),
    h("p", {}, "Every API is described in the ", h("a", { href: "/swagger-ui.html" }, "API docs"), "."));

  let services;
  try {
    services = (await api("/api/v1/status")).body.services;
  } catch (error) {
    cards.forEach(({ badge }) => setBadge(badge, "unknown", error.message));
    return;
  }
  const byName = Object.fromEntries(services.map((s) => [s.name, s]));
  for (const { system, badge } of cards) {
    const down = system.services.map((name) => byName[name]).filter((s) => !s || s.status !== "UP");
    if (down.length === 0) setBadge(badge, "up");
    else setBadge(badge, "down", down.map((s) => (s ? `${s.name} ${s.detail ?? s.status}` : "not configured")).join("; "));
  }
}

function setBadge(badge, state, detail) {
  badge.className = `badge ${state}`;
  show(badge, { up: "Up", down: "Down", unknown: "Unknown" }[state]);
  if (detail) badge.setAttribute("title", detail);
}
