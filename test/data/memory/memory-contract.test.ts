import { openDemoStore } from '../../../src/data/index.js';
import { runAdapterContract } from '../../contract/adapter-contract.js';

runAdapterContract('memory store', async (fixture, actAs) => {
  const store = await openDemoStore({ backend: 'memory', actorId: actAs });
  await store.load(fixture);
  return { adapter: store, dispose: () => store.close() };
});
