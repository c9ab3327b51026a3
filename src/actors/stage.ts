// Pipeline stage: entities — mentions linked to actors of the knowledge base, role phrases,
// capital metonymy, in-document coreference and places with coordinates (doc.entities).
import { defineStage } from '../stage.js';
import { buildIndex } from './index.js';
import { loadKb } from './kb.js';
import { linkDoc, type ActorsResources } from './link.js';

export function loadActors(): ActorsResources {
  const kb = loadKb();
  return { kb, index: buildIndex(kb) };
}

export const actorsStage = defineStage<ActorsResources>({
  name: 'actors',
  load: loadActors,
  run: (doc, res) => {
    const { entities, datelineEntity } = linkDoc(doc, res);
    return doc.dateline ? { entities, dateline: { ...doc.dateline, entity: datelineEntity } } : { entities };
  },
});
