/**
 * The demo company generator: a deterministic, bilingual company (澜星科技,
 * Shanghai, with international teams) for the IndexedDB demo store, stories
 * and tests.
 */
export {
  DEFAULT_BATCH_SIZE,
  DEMO_GOAL_COUNT,
  GOALS_PER_PERSON,
  emptyRecordSet,
  generateCompany,
  generateCompanyInBatches,
  type SeedBatch,
  type SeedOptions,
  type SeedPersonas,
  type SeedResult,
} from './generate.js';
export { MIN_PEOPLE } from './org.js';
export { SeededRandom, hashText, type WeightedChoice } from './random.js';
