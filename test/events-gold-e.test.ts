// Blind batch E of the event gold (test/fixtures/events-gold-e.json, notes events-gold-e-notes.txt):
// well-formed, in the order of its notes, disjoint from every other batch, its notes header
// accounting for the draw, and every span slicing back to its SaudiNewsNet article (that part needs
// ../shared/data/saudinewsnet). The checks are in test/fixtures/events-gold-check.ts.
import { blindBatchSuite } from './fixtures/events-gold-check.js';

blindBatchSuite('e', 30);
