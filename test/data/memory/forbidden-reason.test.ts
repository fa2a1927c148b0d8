import { expect } from '@open-wc/testing';
import { ForbiddenError, openMemoryStore } from '../../../src/data/index.js';
import { fixtureCompany, ids } from '../../contract/fixture.js';

describe('a refused action', () => {
  it('tells the person which rule refused it, in their language', async () => {
    const store = await openMemoryStore({ name: 'forbidden-reason', actorId: ids.emp2 });
    await store.load(fixtureCompany());
    const error = await store.approveGoal(ids.goalEmp2Pending, 1).then(
      () => undefined,
      (refusal: unknown) => refusal,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    const forbidden = error as ForbiddenError;
    expect(forbidden.action).to.equal('goal.approve');
    expect(forbidden.localizedMessage('en')).to.equal(
      'You cannot approve or reject your own goal: your manager or HR decides on it.',
    );
    expect(forbidden.localizedMessage('zh-CN')).to.match(/自己的目标/);
    store.close();
  });
});
