// Pipeline stage: quotes with speakers (doc.quotes). Runs after the actors stage, so speakers are
// resolved to doc.entities when a mention covers or lies inside the speaker span.
import { defineStage } from '../stage.js';
import { attribute } from './attribution.js';
import { findMarkedQuotes } from './finder.js';
import { loadCues, type CueLexicon } from './lexicon.js';

export const quotesStage = defineStage<CueLexicon>({
  name: 'quotes',
  load: loadCues,
  run: (doc, lex) => ({
    quotes: attribute(
      {
        text: doc.text,
        tokens: doc.tokens,
        sentences: doc.sentences,
        entities: doc.entities,
        marked: findMarkedQuotes(doc.text),
      },
      lex,
    ),
  }),
});
