// Pipeline stage: temporal expressions (doc.times) and numbers (doc.numbers). Placeholder until its issue lands: adds nothing.
import { defineStage } from '../stage.js';

export const timeStage = defineStage({
  name: 'time',
  run: () => ({}),
});
