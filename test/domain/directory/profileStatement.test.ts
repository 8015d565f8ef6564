import { describe, expect, it } from 'vitest';
import { findLiaisonGroup, parseChatLinkStatement, parseProfileStatement } from '../../../domain/directory/profileStatement.js';

describe('what people say about who they are', () => {
  it.each([
    ["I'm the head of Oakfield Primary", { kind: 'school', role: 'headteacher', schoolQuery: 'Oakfield Primary' }],
    ['I am the headteacher of 900001.', { kind: 'school', role: 'headteacher', schoolQuery: '900001' }],
    ['i’m head at St Mary’s C of E school', { kind: 'school', role: 'headteacher', schoolQuery: 'St Mary’s C of E school' }],
    ['I am the principal of Hilltop Academy', { kind: 'school', role: 'headteacher', schoolQuery: 'Hilltop Academy' }],
    ['I work at Oakfield Primary', { kind: 'school', role: 'staff', schoolQuery: 'Oakfield Primary' }],
    ['I teach at Brookside', { kind: 'school', role: 'staff', schoolQuery: 'Brookside' }],
    ["I'm a system leader", { kind: 'system_leader', role: undefined }],
    ['I am a MAT CEO', { kind: 'system_leader', role: 'mat_ceo' }],
    ["I'm an NLE", { kind: 'system_leader', role: 'nle' }],
    ['I am a national leader of education', { kind: 'system_leader', role: 'nle' }],
  ])('%s', (text, expected) => {
    expect(parseProfileStatement(text)).toEqual(expected);
  });

  it.each(['hello', "I'm the head of", 'I work at', 'head of maths', 'log attendance'])('%s is not a statement about who someone is', (text) => {
    expect(parseProfileStatement(text)).toBeUndefined();
  });
});

describe('linking a chat to its liaison group', () => {
  it.each([
    ['this chat is the Liaison group 3 (placeholder name) liaison group', 'Liaison group 3 (placeholder name)'],
    ['This channel is for liaison group 12.', 'liaison group 12'],
    ['link this chat to lg-04', 'lg-04'],
  ])('%s', (text, groupQuery) => {
    expect(parseChatLinkStatement(text)).toEqual({ groupQuery });
  });

  it('ignores other words', () => {
    expect(parseChatLinkStatement('nominate')).toBeUndefined();
  });
});

describe('finding the liaison group someone means', () => {
  const groups = [
    { id: 'lg-03', name: 'Liaison group 3 (placeholder name)' },
    { id: 'lg-12', name: 'Liaison group 12 (placeholder name)' },
    { id: 'lg-13', name: 'Aylesbury Vale North' },
  ];
  it.each([
    ['lg-12', ['lg-12']],
    ['liaison group 3', ['lg-03']],
    ['13', ['lg-13']],
    ['Aylesbury vale north', ['lg-13']],
    ['aylesbury', ['lg-13']],
    ['placeholder', ['lg-03', 'lg-12']],
    ['Chesham', []],
  ])('%s', (query, ids) => {
    expect(findLiaisonGroup(query, groups).map((group) => group.id)).toEqual(ids);
  });
});
