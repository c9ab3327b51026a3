// Print the segmentation of words given on the command line (or one per line on stdin):
//   node --import tsx scripts/clitics/show.ts وبالتالي حكومته
import { readFileSync } from 'node:fs';
import { formatSegmentation, loadCliticModel, segmentWord } from '../../src/text/clitics.js';

const model = loadCliticModel();
const words = process.argv.length > 2 ? process.argv.slice(2) : readFileSync(0, 'utf8').split(/\s+/);
for (const w of words) {
  if (w === '') continue;
  const s = segmentWord(w, model);
  console.log(`${w}\t${formatSegmentation(s)}\t[${s.stemStart},${s.stemEnd})\tbase=${s.base}`);
}
