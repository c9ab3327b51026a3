// Pipeline stage: tokens, paragraphs (title), sentences and the dateline.
import { defineStage } from '../stage.js';
import { loadAgencies } from './agencies.js';
import { splitSentences } from './sentences.js';
import { findDateline, findParagraphs } from './structure.js';
import { tokenise } from './tokenise.js';

export const textStage = defineStage({
  name: 'text',
  load: loadAgencies,
  run: (doc, agencies) => {
    const tokens = tokenise(doc.text);
    const paragraphs = findParagraphs(doc.text, doc.titleInText);
    return {
      tokens,
      paragraphs,
      sentences: splitSentences(doc.text, tokens),
      dateline: findDateline(doc.text, tokens, paragraphs, agencies),
    };
  },
});
