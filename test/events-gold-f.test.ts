// Blind batch F of the event gold (test/fixtures/events-gold-f.json, notes events-gold-f-notes.txt):
// the same checks as batch E (test/fixtures/events-gold-check.ts); F is smaller (30 articles,
// annotated in the time one session had), so it must hold at least 20.
import { blindBatchSuite } from './fixtures/events-gold-check.js';

blindBatchSuite('f', 20);
