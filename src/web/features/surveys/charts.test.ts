import { describe, expect, it } from 'vitest';
import { fitLabel } from './charts';

describe('fitLabel', () => {
  it('keeps a label that fits and cuts a long one at its end, within the width', () => {
    expect(fitLabel('Pre-test', 158)).toBe('Pre-test');
    const cut = fitLabel('I am confident I can use what I learned.', 158);
    expect(cut).toBe('I am confident I can us…');
    expect([...cut].length).toBeLessThanOrEqual(Math.floor(158 / 6.5));
  });

  it('counts Chinese characters double', () => {
    expect(fitLabel('培训内容与我的工作相关。', 158)).toBe('培训内容与我的工作相关。');
    expect(fitLabel('培训师讲解清楚，课程内容与我的工作密切相关。', 158)).toBe('培训师讲解清楚，课程内…');
  });
});
