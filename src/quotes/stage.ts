// Pipeline stage: quotes with speakers (doc.quotes). Placeholder until its issue lands: adds nothing.
import { defineStage } from '../stage.js';

export const quotesStage = defineStage({
  name: 'quotes',
  run: () => ({}),
});
