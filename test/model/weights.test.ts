import { expect } from '@open-wc/testing';
import { remainingWeight, shareEqually, weightTotal } from '../../src/model/weights.js';
import { validateSiblingWeights } from '../../src/model/validation.js';

describe('weights', () => {
  it('weightTotal adds to hundredths without binary noise', () => {
    expect(weightTotal([33.33, 33.33, 33.34])).to.equal(100);
    expect(weightTotal([0.1, 0.2])).to.equal(0.3);
    expect(weightTotal([])).to.equal(0);
    expect(weightTotal([50, Number.NaN])).to.equal(50);
  });

  it('shareEqually splits into hundredths that sum exactly, earlier shares taking the leftover', () => {
    expect(shareEqually(100, 3)).to.deep.equal([33.34, 33.33, 33.33]);
    expect(shareEqually(100, 4)).to.deep.equal([25, 25, 25, 25]);
    expect(shareEqually(60, 7).reduce((sum, share) => sum + share, 0)).to.be.closeTo(60, 1e-9);
    expect(validateSiblingWeights(shareEqually(100, 7))).to.deep.equal([]);
    expect(shareEqually(100, 0)).to.deep.equal([]);
    expect(shareEqually(-5, 2)).to.deep.equal([0, 0]);
  });

  it('remainingWeight is what the siblings leave of 100, never below 0', () => {
    expect(remainingWeight([])).to.equal(100);
    expect(remainingWeight([60, 30])).to.equal(10);
    expect(remainingWeight([33.33, 33.33])).to.equal(33.34);
    expect(remainingWeight([80, 40])).to.equal(0);
  });
});
