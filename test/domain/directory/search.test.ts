import { describe, expect, it } from 'vitest';
import { SchoolSearchIndex, editDistance, nameWords } from '../../../domain/directory/search.js';
import type { School } from '../../../domain/directory/types.js';

const school = (urn: string, name: string, liaisonGroupId?: string): School => ({
  urn,
  name,
  type: 'Community school',
  phase: 'primary',
  localAuthority: 'Buckinghamshire',
  ...(liaisonGroupId ? { liaisonGroupId } : {}),
});

// Fictional schools, chosen to put the ranking rules against each other.
const SCHOOLS = [
  school('900001', 'Oakfield Primary School', 'lg-01'),
  school('900002', 'Oakfield Infant School', 'lg-02'),
  school('900003', 'Oak Tree Primary School', 'lg-01'),
  school('900004', "St Mary's Church of England Primary School", 'lg-03'),
  school('900005', "Saint Mary and St Joseph's Catholic Primary School", 'lg-03'),
  school('900006', 'Wrenfield Academy', 'lg-04'),
  school('900007', 'Brookfield Primary School', 'lg-04'),
  school('900008', 'École Saint-Exupéry Primary School'),
  school('900009', 'The Oakfield Academy', 'lg-05'),
  school('900010', 'Hazelcombe & District Junior School', 'lg-05'),
  school('900011', 'Kestrel Hill Grammar School', 'lg-06'),
  school('900014', "St Mary's Church of England Primary School", 'lg-07'),
  school('900020', 'Brook'),
  school('900021', 'Brook Lane School'),
  school('900022', 'Brookside Primary'),
  school('900023', 'Ashbrook Primary'),
  school('900024', 'Broak Primary'),
];

const index = new SchoolSearchIndex(SCHOOLS);
const urns = (query: string, limit?: number) => index.search(query, { limit }).map((match) => match.school.urn);
const first = (query: string) => index.search(query)[0];

describe('finding a school by what a headteacher types', () => {
  it.each([
    ['the whole name', 'Oakfield Primary School', '900001', 'exact'],
    ['the name in another case', 'oAKFIELD primary SCHOOL', '900001', 'exact'],
    ['the name with stray punctuation', 'Oakfield-Primary, School!', '900001', 'exact'],
    ['the six-digit URN', '900004', '900004', 'urn'],
    ['the URN written with its label', 'URN: 900004', '900004', 'urn'],
    ['the beginning of the name', 'Oakfield Prim', '900001', 'prefix'],
    ['the beginnings of words ("oak prim": Oak Tree has the whole word "oak")', 'oak prim', '900003', 'prefix'],
    ['the words in another order', 'primary oakfield', '900001', 'prefix'],
    ['a typo: two letters swapped', 'Oakfeild Primary', '900001', 'fuzzy'],
    ['a typo: a letter wrong in one word', 'Kestral Hill Grammar', '900011', 'fuzzy'],
    ['a typo: two letters swapped near the start of a short word', 'Ksetrel', '900011', 'fuzzy'],
    ['a typo: a letter missing', 'Okfield Infant', '900002', 'fuzzy'],
    ['a typo: a letter wrong', 'grammer', '900011', 'fuzzy'],
    ['without the apostrophe', 'st marys', '900004', 'prefix'],
    ['with "St." for Saint', "St. Mary's Church", '900004', 'prefix'],
    ['"Saint" for "St"', 'saint marys', '900004', 'prefix'],
    ['without accents', 'ecole saint exupery', '900008', 'prefix'],
    ['"and" for "&"', 'hazelcombe and district', '900010', 'prefix'],
    ['without "the"', 'oakfield academy', '900009', 'prefix'],
    ['part of a word', 'combe', '900010', 'contains'],
    ['one word wrong among right ones', 'oakfield infant nursery', '900002', 'fuzzy'],
    ['a word no school has, among right ones', 'oakfield infant bucks', '900002', 'fuzzy'],
  ] as const)('by %s: "%s"', (_rule, query, urn, match) => {
    expect(first(query)).toMatchObject({ school: { urn }, match });
  });

  it('ranks an exact name first, then whole words and word beginnings, then words inside words, then typos', () => {
    const matches = index.search('brook');
    expect(matches.map((match) => [match.school.name, match.match])).toEqual([
      ['Brook', 'exact'],
      ['Brook Lane School', 'prefix'],
      ['Brookside Primary', 'prefix'],
      ['Brookfield Primary School', 'prefix'],
      ['Ashbrook Primary', 'contains'],
      ['Broak Primary', 'fuzzy'],
    ]);
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(1);
    for (const score of scores) expect(score).toBeGreaterThan(0);
  });

  it('ranks a name holding the query as typed above one holding its words apart', () => {
    expect(urns('oakfield primary').slice(0, 1)).toEqual(['900001']);
    const inOrder = index.search('oakfield primary')[0]?.score ?? 0;
    const reordered = index.search('primary oakfield')[0]?.score ?? 0;
    expect(inOrder).toBeGreaterThan(reordered);
  });

  it('breaks a tie between schools of the same name by URN', () => {
    expect(urns("St Mary's Church of England Primary School", 2)).toEqual(['900004', '900014']);
  });

  it('prefers the shorter name when the query says as much of each', () => {
    expect(urns('oakfield', 3)).toEqual(['900002', '900001', '900009']);
  });

  it('returns at most the limit asked for, 10 unless told', () => {
    expect(urns('primary', 2)).toHaveLength(2);
    expect(urns('school')).toHaveLength(10);
    expect(urns('school', 1000).length).toBeLessThanOrEqual(100);
  });

  it('searches one liaison group when asked', () => {
    expect(index.search('oakfield', { liaisonGroupId: 'lg-02' }).map((match) => match.school.urn)).toEqual(['900002']);
    expect(index.search('900001', { liaisonGroupId: 'lg-02' })).toEqual([]);
  });

  it.each([
    ['an empty query', ''],
    ['punctuation only', '?!,'],
    ['words found in no school', 'zzzz qqqq'],
    ['a URN no school has', '999999'],
  ])('finds nothing for %s', (_rule, query) => {
    expect(index.search(query)).toEqual([]);
  });

  it('finds every school by its own name, first', () => {
    for (const { urn, name } of SCHOOLS) {
      const top = index.search(name);
      expect(top[0]?.score).toBe(1);
      expect(top.filter((match) => match.score === 1).map((match) => match.school.urn)).toContain(urn);
    }
  });
});

describe('keeping the index up to date', () => {
  it('finds a school by its new name after a rename, and no longer by the old one', () => {
    const updating = new SchoolSearchIndex([school('900001', 'Oakfield Primary School'), school('900002', 'Elmstead Primary School')]);
    updating.upsert([school('900001', 'Larkspur Primary School')]);
    expect(updating.size).toBe(2);
    expect(updating.search('oakfield')).toEqual([]);
    expect(updating.search('larkspur')[0]?.school.urn).toBe('900001');
  });

  it('returns the latest details of a school whose name has not changed', () => {
    const updating = new SchoolSearchIndex([school('900001', 'Oakfield Primary School', 'lg-01')]);
    updating.upsert([school('900001', 'Oakfield Primary School', 'lg-02')]);
    expect(updating.search('oakfield', { liaisonGroupId: 'lg-02' })[0]?.school.liaisonGroupId).toBe('lg-02');
    expect(updating.search('oakfield', { liaisonGroupId: 'lg-01' })).toEqual([]);
  });

  it('stays right through many renames', () => {
    const updating = new SchoolSearchIndex();
    const count = 3_000;
    const urnOf = (n: number) => String(900_000 + n);
    updating.upsert(Array.from({ length: count }, (_, n) => school(urnOf(n), `Alpha ${n} School`)));
    updating.upsert(Array.from({ length: count }, (_, n) => school(urnOf(n), `Beta ${n} School`)));
    expect(updating.size).toBe(count);
    expect(updating.search('alpha')).toEqual([]);
    expect(updating.search('beta 2999 school')[0]).toMatchObject({ school: { urn: urnOf(2999) }, match: 'exact' });
  });
});

describe('how names are compared', () => {
  it.each([
    ["St Mary's C of E (VA) Primary", ['st', 'marys', 'c', 'of', 'e', 'va', 'primary']],
    ['Saint Anne’s', ['st', 'annes']],
    ['École Brontë', ['ecole', 'bronte']],
    ['Hazelcombe & District', ['hazelcombe', 'and', 'district']],
    ['  ', []],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });

  it.each([
    ['oakfield', 'oakfield', 0],
    ['oakfeild', 'oakfield', 1],
    ['okfield', 'oakfield', 1],
    ['oakfieldd', 'oakfield', 1],
    ['oekfeild', 'oakfield', 2],
    ['grammer', 'grammar', 1],
    ['brook', 'field', 3],
  ] as const)('"%s" and "%s" are %i edits apart (counted up to 2, then 3 for "more")', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(distance, 3));
  });
});
