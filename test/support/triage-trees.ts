/**
 * @module A small valid self-check tree for tests of the tree editor (on the test catalog's `connect`).
 */
/** A small valid tree on the test catalog's `connect` service. */
export const smallTree = (id = 'test-tree', question = 'Klingelt es?') => `id: ${id}
service: connect
title: {de: Test, en: Test}
start: q
nodes:
  - id: q
    question: {de: ${question}, en: Does it ring?}
    answers:
      - {label: {de: Ja, en: Yes}, next: ok}
      - {label: {de: Nein, en: No}, next: rep}
  - id: ok
    outcome: fix_yourself
    title: {de: Gut, en: Good}
    text: {de: Alles gut., en: All good.}
  - id: rep
    outcome: report
    title: {de: Melden, en: Report}
    text: {de: Bitte melden., en: Please report.}
`;
