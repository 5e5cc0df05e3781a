import { chains, ownChain } from './audit-event.js';

describe('ownChain', () => {
  it('puts an event in the chain of the subject it is about', () => {
    const id = '0193a0b2-7c4e-7d1a-9f00-0123456789ab';
    expect(ownChain('alert', id)).toEqual({ chainId: chains.of('alert', id), subject: { type: 'alert', id } });
    expect(ownChain('alert', id).chainId).not.toBe(ownChain('review', id).chainId);
  });
});
