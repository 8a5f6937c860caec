import { describe, expect, it } from 'vitest';
import { indefiniteArticle, renderTemplate } from './merge.js';

describe('renderTemplate', () => {
  const request = 'your experience as {{contact.title}} is';
  it.each([
    ['UX researcher', 'your experience as a UX researcher is'],
    ['Senior UX researcher', 'your experience as a Senior UX researcher is'],
    ['engineering manager', 'your experience as an engineering manager is'],
    ['MBA admissions officer', 'your experience as an MBA admissions officer is'],
    ['user researcher', 'your experience as a user researcher is'],
    ['urban planner', 'your experience as an urban planner is'],
    ['Head of Design', 'your experience as Head of Design is'],
    ['a product designer', 'your experience as a product designer is'],
  ])('gives the job title %j an article after "as" where English needs one', (title, expected) => {
    expect(renderTemplate(request, { 'contact.title': title })).toBe(expected);
  });

  it('leaves a title elsewhere as it is, and an unknown title as a placeholder to fill', () => {
    expect(renderTemplate('Title: {{contact.title}}', { 'contact.title': 'UX researcher' })).toBe('Title: UX researcher');
    expect(renderTemplate(request, {})).toBe('your experience as [contact.title] is');
  });

  it.each([
    ['UX lead', 'a'],
    ['SRE', 'an'],
    ['HR partner', 'an'],
    ['European policy adviser', 'a'],
    ['honorary fellow', 'an'],
    ['nurse', 'a'],
    ['analyst', 'an'],
  ])('chooses the article for %j by sound', (title, article) => {
    expect(indefiniteArticle(title)).toBe(article);
  });
});
