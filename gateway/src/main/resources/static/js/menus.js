// Menus: the restaurants by region, and a restaurant's dishes of the day (the menu relay).
import { api } from "./api.js";
import { h, safeUrl, show } from "./dom.js";

export async function render(main, route) {
  const identifier = route.parts[0];
  return identifier ? renderRestaurant(main, identifier) : renderList(main);
}

async function renderList(main) {
  document.title = "Menus — Flotilla";
  show(main, h("h1", {}, "Lunch menus"), h("p", {}, "Loading the restaurants…"));
  const restaurants = (await api("/restaurant")).body.restaurants;
  const regions = Map.groupBy(restaurants, (r) => r.region);
  show(main,
    h("h1", {}, "Lunch menus"),
    h("p", {}, `${restaurants.length} restaurants. Pick one for today's dishes.`),
    [...regions.keys()].sort().map((region) =>
      h("section", { class: "region" },
        h("h2", {}, region),
        h("ul", { class: "restaurants" },
          regions.get(region)
            .sort((a, b) => a.name.localeCompare(b.name, "sv"))
            .map((r) => h("li", {}, h("a", { href: `#/menus/${encodeURIComponent(r.identifier)}` }, r.name)))))));
}

async function renderRestaurant(main, identifier) {
  show(main, h("p", {}, h("a", { href: "#/menus" }, "← All restaurants")), h("p", {}, "Loading the menu…"));
  let restaurant;
  try {
    restaurant = (await api(`/restaurant/${encodeURIComponent(identifier)}`)).body.restaurant;
  } catch (error) {
    show(main, h("p", {}, h("a", { href: "#/menus" }, "← All restaurants")), h("h1", {}, "No such restaurant"),
      h("p", { class: "message error" }, error.message));
    return;
  }
  document.title = `${restaurant.title} — Flotilla`;
  const dishes = restaurant.menu ?? [];
  show(main,
    h("p", {}, h("a", { href: "#/menus" }, "← All restaurants")),
    h("h1", {}, restaurant.title),
    h("p", {}, restaurant.location),
    dishes.length
      ? h("ol", { class: "dishes" }, dishes.map((d) => h("li", {}, d.dish)))
      : h("p", { class: "message info" }, "No menu today (there is none at weekends)."),
    h("p", { class: "links" },
      link(restaurant.url, "Home page"), " ", link(restaurant.map_url, "Map")));
}

function link(url, text) {
  const href = safeUrl(url);
  return href ? h("a", { href, rel: "noopener noreferrer", target: "_blank" }, text) : null;
}
