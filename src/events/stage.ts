// Pipeline stage: CAMEO events (doc.events). Placeholder until its issue lands: adds nothing.
import { defineStage } from '../stage.js';

export const eventsStage = defineStage({
  name: 'events',
  run: () => ({}),
});
