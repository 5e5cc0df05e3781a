import { idFrom, idsFrom, NOTIFICATIONS_PER_JOB } from './queues.js';

const id = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('job data', () => {
  it('takes one id that is a UUID', () => {
    expect(idFrom({ notificationId: id(1) }, 'notificationId')).toBe(id(1));
    for (const data of [null, {}, { notificationId: 'x' }, { notificationId: 7 }, { runId: id(1) }]) {
      expect(() => idFrom(data, 'notificationId')).toThrow('job data lacks a valid notificationId');
    }
  });

  it(`takes 1 to ${NOTIFICATIONS_PER_JOB} ids, each a UUID`, () => {
    const most = Array.from({ length: NOTIFICATIONS_PER_JOB }, (_, i) => id(i));
    expect(idsFrom({ notificationIds: [id(1)] }, 'notificationIds')).toEqual([id(1)]);
    expect(idsFrom({ notificationIds: most }, 'notificationIds')).toEqual(most);
    for (const data of [
      null,
      {},
      { notificationIds: id(1) },
      { notificationIds: [] },
      { notificationIds: [...most, id(99)] },
      { notificationIds: [id(1), 'x'] },
      { notificationIds: [id(1), null] },
    ]) {
      expect(() => idsFrom(data, 'notificationIds')).toThrow('job data lacks a valid notificationIds');
    }
  });
});
