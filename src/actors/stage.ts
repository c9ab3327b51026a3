// Pipeline stage: entities: mentions linked to actors, coreference, places (doc.entities). Placeholder until its issue lands: adds nothing.
import { defineStage } from '../stage.js';

export const actorsStage = defineStage({
  name: 'actors',
  run: () => ({}),
});
