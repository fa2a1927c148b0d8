import { deleteDB } from 'idb';
import { expect } from '@open-wc/testing';
import { openDemoStore } from '../../../src/data/index.js';
import { runAdapterContract } from '../../contract/adapter-contract.js';

// Test files run two at a time in one origin: every store gets its own database.
let counter = 0;

runAdapterContract('IndexedDB store', async (fixture, actAs) => {
  const name = `contract-${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2)}`;
  const store = await openDemoStore({ name, actorId: actAs });
  expect(store.storage).to.equal('indexeddb');
  await store.load(fixture);
  return {
    adapter: store,
    dispose: async () => {
      store.close();
      await deleteDB(name);
    },
  };
});
