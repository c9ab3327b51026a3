// Pipeline stage: named-entity mentions (doc.mentions). Placeholder until its issue lands: adds nothing.
import { defineStage } from '../stage.js';

export const nerStage = defineStage({
  name: 'ner',
  run: () => ({}),
});
