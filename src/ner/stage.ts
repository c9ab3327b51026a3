// Pipeline stage: named-entity mentions (doc.mentions) from the trained tagger in models/ner/.
import { defineStage } from '../stage.js';
import { findMentions, loadNer, type NerResources } from './mentions.js';

export const nerStage = defineStage<NerResources>({
  name: 'ner',
  load: () => loadNer(),
  run: (doc, res) => ({ mentions: findMentions(res, doc) }),
});
