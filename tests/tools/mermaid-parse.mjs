// Parse .mmd files with Mermaid's own parser (under jsdom) and print, per file, one JSON
// line: {"file", "ok", "error", "type", "nodes": [labels], "edges": n}. Used by tests/export.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "Node", "navigator", "SVGElement"]) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}

const mermaid = (await import("mermaid")).default;
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

function decode(text) {
  // Mermaid's own entity step: #35; and #quot; become characters before display.
  return String(text ?? "")
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, "#$1;")
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, "#$1;")
    .replace(/#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/#(\w+);/g, (m, name) => ({ quot: '"', amp: "&", lt: "<", gt: ">" })[name] ?? m);
}

for (const file of process.argv.slice(2)) {
  const out = { file, ok: false };
  try {
    const text = readFileSync(file, "utf8");
    const result = await mermaid.parse(text);
    out.ok = Boolean(result);
    out.type = result?.diagramType;
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    if (typeof db.getVertices === "function") {
      const vertices = db.getVertices();
      const list = vertices instanceof Map ? [...vertices.values()] : Object.values(vertices);
      out.nodes = list.map((v) => decode(v.text));
      out.edges = db.getEdges().map((e) => decode(e.text));
      out.subgraphs = db.getSubGraphs().map((s) => decode(s.title));
    } else if (typeof db.getEntities === "function") {
      const entities = db.getEntities();
      const list = entities instanceof Map ? [...entities.values()] : Object.values(entities);
      out.nodes = list.map((e) => decode(e.alias || e.label));
      out.edges = db.getRelationships().map((r) => decode(r.roleA));
    } else if (typeof db.getC4ShapeArray === "function") {
      out.nodes = db.getC4ShapeArray().map((s) => decode(s.label?.text));
      out.edges = db.getRels().map((r) => decode(r.label?.text));
      out.subgraphs = db.getBoundaries().map((b) => decode(b.label?.text)).filter((t) => t !== "" && t !== "global");
    }
  } catch (err) {
    out.error = String(err?.message ?? err).split("\n").slice(0, 4).join(" | ");
  }
  console.log(JSON.stringify(out));
}
