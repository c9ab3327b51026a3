// Pipeline stage: CAMEO events (doc.events) from the lexicon, morphology and clause structure.
import { defineStage } from '../stage.js';
import { extractEvents, type EventResources } from './extract.js';
import { loadGrammar, loadLexicon } from './lexicon.js';
import { loadOntology } from './ontology.js';

export function loadEventResources(): EventResources {
  const onto = loadOntology();
  return { onto, lex: loadLexicon(onto), gram: loadGrammar() };
}

export const eventsStage = defineStage<EventResources>({
  name: 'events',
  load: loadEventResources,
  run: (doc, res) => ({ events: extractEvents(doc, res) }),
});
