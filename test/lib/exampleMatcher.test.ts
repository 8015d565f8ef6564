import { describe, expect, it } from 'vitest';
import { ExampleMatcher } from '../../lib/exampleMatcher.js';

const best = (matcher: ExampleMatcher<string>, text: string) => matcher.rank(text)[0]?.label;

describe('ExampleMatcher', () => {
  it('spells out short forms: "we\'re" is "we are", not "were" taken a typo away as "where"', () => {
    const matcher = new ExampleMatcher([
      { label: 'venue', text: 'where is the meeting' },
      { label: 'eligibility', text: 'are we eligible' },
    ]);
    expect(best(matcher, "we're")).toBe('eligibility');
    expect(best(matcher, 'we’re')).toBe('eligibility');
  });

  it('counts a word rare by the labels that use it, so words one command repeats in every example still tell it apart', () => {
    const matcher = new ExampleMatcher([
      { label: 'form', text: 'deployment form' },
      { label: 'form', text: 'open my deployment form' },
      { label: 'form', text: 'resume the deployment form' },
      { label: 'form', text: 'deployment form help' },
      { label: 'form', text: 'fill in the deployment form' },
      { label: 'evaluation', text: 'carry on with the self-evaluation' },
    ]);
    expect(best(matcher, 'carry on with my deployment form')).toBe('form');
    expect(best(matcher, 'carry on with the self evaluation')).toBe('evaluation');
  });
});
