// Builds DOM nodes. Strings always become text nodes, never markup: whatever a user typed is shown
// as typed (a tweet "<img src=x onerror=alert(1)>" is text, not an image).

/**
 * h("p", {class: "note"}, "text", child...): an element with attributes and children.
 * Attributes starting with "on" are event listeners; `false`/`null` attributes are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** A labelled form field: <label for=id>text</label> + the input, in one wrapper. */
export function field(label, input, hint) {
  const id = input.id || `field-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  input.id = id;
  const parts = [h("label", { for: id }, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute("aria-describedby", hintId);
    parts.push(h("small", { id: hintId, class: "hint" }, hint));
  }
  return h("div", { class: "field" }, parts);
}

/** The place next to a form where its error (or success) message goes. */
export function messageArea() {
  return h("p", { class: "message", role: "status", "aria-live": "polite" });
}

/** Shows an error from the API (or any Error) in a message area. */
export function showError(area, error) {
  area.className = "message error";
  show(area, error.message || String(error));
  if (error.fieldErrors?.length) {
    area.append(h("ul", {}, error.fieldErrors.map((e) => h("li", {}, `${e.field}: ${e.message}`))));
  }
}

export function showInfo(area, text) {
  area.className = "message info";
  show(area, text);
}

/** "3 minutes ago"-style time, with the exact time in a tooltip and a <time> element. */
export function when(iso) {
  const date = new Date(iso);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  let text;
  if (Math.abs(seconds) < 60) text = format.format(-seconds, "second");
  else if (Math.abs(seconds) < 3600) text = format.format(-Math.round(seconds / 60), "minute");
  else if (Math.abs(seconds) < 86400) text = format.format(-Math.round(seconds / 3600), "hour");
  else text = date.toLocaleDateString();
  return h("time", { datetime: iso, title: date.toLocaleString() }, text);
}

/** A link target from data we do not control: only http(s) URLs, never javascript: and friends. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
