/**
 * @module Self-check pages, part 2: one question per page (each answer a plain link whose URL holds
 * the whole path of answers), an outcome with its instruction, and the page for a path that does
 * not exist in the tree.
 */
import { html } from 'ghtml';
import {
  formatAnswerPath,
  type TriageOutcome,
  type TriageQuestion,
  type TriageStep,
  type TriageTree,
} from '#src/domain/triage.ts';
import { pick } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import { renderPublicPage } from './layout.ts';
import type { Reader } from './parts.ts';
import { crumb, firstQuestionHref, treeHref } from './self-check.ts';

const pathHref = (tree: TriageTree, path: readonly number[]) =>
  `${treeHref(tree)}?a=${formatAnswerPath(path)}`;

/** The prefilled report form (built elsewhere); this URL format is the contract with it. */
export function reportHref(tree: TriageTree, outcome: TriageOutcome, path: readonly number[]): string {
  const q = new URLSearchParams({
    service: outcome.service ?? tree.service,
    symptom: tree.id,
    path: formatAnswerPath(path),
  });
  return `/report?${q.toString()}`;
}

/** Outcome kinds in the status colours: green for "fix it yourself", red for "report". */
const kindClass: Record<TriageOutcome['kind'], string> = {
  fix_yourself: 'ok',
  other_carrier: 'nn',
  not_reportable: 'dg',
  report: 'mo',
};

const md = (r: Reader, text: { de: string; en: string }) =>
  html`<div class="md">!${renderMarkdown(pick(text, r.locale))}</div>`;

/** The answers given so far, each question with its answer. */
function answersSoFar(r: Reader, steps: readonly TriageStep[]): string {
  if (steps.length === 0) return '';
  const items = steps.map((s) => {
    const answer = s.question.answers[s.answerIndex];
    return html`<li>${pick(s.question.question, r.locale)} <strong>${answer ? pick(answer.label, r.locale) : ''}</strong></li>`;
  });
  return html`<h2>${r.t('triage.yourAnswers')}</h2><ol class="sc-steps">!${items.join('')}</ol>`;
}

/** Back one question (to the "already known" page from the first), and start again. */
function stepNav(r: Reader, tree: TriageTree, path: readonly number[]): string {
  const back = path.length > 0 ? pathHref(tree, path.slice(0, -1)) : treeHref(tree);
  return html`<ul class="sc-nav"><li><a href="${back}">${r.t('triage.back')}</a></li><li><a href="${treeHref(tree)}">${r.t('triage.restart')}</a></li></ul>`;
}

export interface StepPage {
  tree: TriageTree;
  path: readonly number[];
  steps: readonly TriageStep[];
  url: string;
  /** Shown above the first question when nothing is known on the service. */
  note?: string;
}

export function renderQuestion(r: Reader, q: TriageQuestion, p: StepPage): string {
  const t = r.t;
  const answers = q.answers.map(
    (a, i) =>
      html`<li><a class="sc-answer" href="${pathHref(p.tree, [...p.path, i])}">${pick(a.label, r.locale)}</a></li>`,
  );
  const body = html`!${crumb(r)}!${p.note ? html`<p class="sc-note">${p.note}</p>` : ''}<p class="meta">${pick(p.tree.title, r.locale)} · ${t('triage.step', { n: p.path.length + 1 })}</p><h1>${pick(q.question, r.locale)}</h1>!${q.help ? md(r, q.help) : ''}<ul class="sc-answers" aria-label="${t('triage.answers')}">!${answers.join('')}</ul>!${p.path.length > 0 ? stepNav(r, p.tree, p.path) : ''}!${answersSoFar(r, p.steps)}`;
  return renderPublicPage(r, { title: pick(q.question, r.locale), section: 'self-check', body, url: p.url });
}

export function renderOutcome(r: Reader, o: TriageOutcome, p: StepPage): string {
  const t = r.t;
  const reason = o.reason ? html`<p class="meta">${t(`triage.reason.${o.reason}`)}</p>` : '';
  const action =
    o.kind === 'report'
      ? html`<p><a class="sc-go" href="${reportHref(p.tree, o, p.path)}">${t('triage.reportLink')}</a></p>`
      : html`<p class="meta">${t('triage.stillBroken')}</p>`;
  const body = html`!${crumb(r)}<p class="st ${kindClass[o.kind]}">${t(`triage.outcome.${o.kind}`)}</p><h1>${pick(o.title, r.locale)}</h1>!${reason}!${md(r, o.text)}!${action}!${stepNav(r, p.tree, p.path)}!${answersSoFar(r, p.steps)}`;
  return renderPublicPage(r, { title: pick(o.title, r.locale), section: 'self-check', body, url: p.url });
}

/** A path that leads nowhere in this tree (a changed tree, a mistyped link): say so, offer a restart. */
export function renderBadPath(r: Reader, tree: TriageTree, at: number, url: string): string {
  const t = r.t;
  const body = html`!${crumb(r)}<h1>${t('triage.badPath.title')}</h1><p>${t('triage.badPath.text', { at })}</p><p><a class="sc-go" href="${firstQuestionHref(tree)}">${t('triage.restart')}</a></p>`;
  return renderPublicPage(r, { title: t('triage.badPath.title'), section: 'self-check', body, url });
}
