// `npm run --silent bench:clutter`: the importer's cleaning over the clutter set (tests/fixtures/clutter):
// how many mustKeep sentences each page keeps (in order) and how many mustDrop strings it drops, with
// every miss named; then the same for Readability alone, the baseline the cleaning is measured against.
import { clutterPages, scoreSet } from '../tests/fixtures/clutter/measure';

const pages = clutterPages();
const started = performance.now();
const cleaned = scoreSet(pages);
const elapsed = performance.now() - started;
const baseline = scoreSet(pages, { clean: false });

console.log(`pages: ${pages.length}`);
console.log(`kept: ${cleaned.kept}/${cleaned.keep}`);
console.log(`dropped: ${cleaned.dropped}/${cleaned.drop}`);
for (const score of cleaned.scores) {
  const misses = [
    ...score.lost.map((text) => `lost “${text}”`),
    ...score.leaked.map((text) => `leaked “${text}”`),
    ...score.unlisted.map((text) => `not listed “${text}”`),
  ];
  console.log(
    `  ${score.name}: kept ${score.kept}/${score.keep}, dropped ${score.dropped}/${score.drop}${misses.length ? `; ${misses.join('; ')}` : ''}`,
  );
}
console.log(`Readability alone: kept ${baseline.kept}/${baseline.keep}, dropped ${baseline.dropped}/${baseline.drop}`);
console.log(`time: ${Math.round(elapsed)} ms for ${pages.length} pages`);
