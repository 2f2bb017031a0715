// Math: a playground for factorial, fibonacci and ackermann (query style, seed 000). A big result
// is shown wrapped in a scrollable box with its digit count and a copy button.
import { api } from "./api.js";
import { field, h, messageArea, show, showError } from "./dom.js";

const functions = {
  factorial: { label: "Factorial n!", params: ["n"] },
  fibonacci: { label: "Fibonacci F(n)", params: ["n"] },
  ackermann: { label: "Ackermann A(m, n)", params: ["m", "n"] },
};

export async function render(main, route) {
  document.title = "Math — Flotilla";
  const chosen = functions[route.parts[0]] ? route.parts[0] : "factorial";
  const select = h("select", { name: "algo", id: "math-algo" },
    Object.entries(functions).map(([name, f]) => h("option", { value: name, selected: name === chosen }, f.label)));
  const m = h("input", { name: "m", id: "math-m", type: "text", inputmode: "numeric", autocomplete: "off", value: "2" });
  const n = h("input", { name: "n", id: "math-n", type: "text", inputmode: "numeric", autocomplete: "off", required: true,
    value: route.query.get("n") ?? "25" });
  const mField = field("m", m);
  const message = messageArea();
  const result = h("section", { class: "result", "aria-live": "polite", id: "math-result" });
  const form = h("form", { class: "stack", onsubmit: (event) => { event.preventDefault(); compute(); } },
    field("Function", select),
    mField,
    field("n", n, "A whole number from 0; the limits are in the API docs."),
    h("button", { type: "submit" }, "Compute"),
    message);

  const syncFields = () => { mField.hidden = functions[select.value].params.length === 1; };
  select.addEventListener("change", syncFields);
  syncFields();

  async function compute() {
    const algo = select.value;
    const query = new URLSearchParams({ n: n.value.trim() });
    if (algo === "ackermann") query.set("m", m.value.trim());
    show(message);
    message.className = "message";
    show(result, h("p", {}, "Computing…"));
    const started = performance.now();
    try {
      const { text } = await api(`/${algo}?${query}`);
      showResult(algo, query, text, performance.now() - started);
    } catch (error) {
      show(result);
      showError(message, error);
    }
  }

  function showResult(algo, query, text, millis) {
    // The result is an exact JSON number, usually far beyond what a JavaScript number holds:
    // its digits are taken from the answer's text, not from JSON.parse.
    const digits = /"result":(\d+)/.exec(text)[1];
    const args = algo === "ackermann" ? `${query.get("m")}, ${query.get("n")}` : query.get("n");
    const value = h("output", { class: "digits", id: "math-value", for: "math-n" }, digits);
    const copy = h("button", { type: "button", onclick: async () => {
      await navigator.clipboard?.writeText(digits);
      show(copy, "Copied");
      setTimeout(() => show(copy, "Copy"), 1500);
    } }, "Copy");
    show(result,
      h("h2", {}, `${algo}(${args})`),
      h("p", { class: "meta" }, `${digits.length.toLocaleString("en")} digit${digits.length === 1 ? "" : "s"} · ${Math.round(millis)} ms round trip `, copy),
      h("div", { class: "digits-box", tabindex: "0", "aria-label": "Result" }, value));
  }

  show(main, h("h1", {}, "Math"), h("p", {}, "Exact results, computed by the math service."), form, result);
}
