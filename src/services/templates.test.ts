import { beforeEach, expect, it } from 'vitest';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { addStandardTemplates, standardTemplates } from './add-standard-templates.ts';
import { createTemplate } from './create-template.ts';
import { deleteTemplate } from './delete-template.ts';
import { findTemplate } from './find-template.ts';
import { listTemplates } from './list-templates.ts';
import { updateTemplate } from './update-template.ts';

const input = (name: string, status = 'investigating') => ({
  name,
  status,
  title: { de: 'Störung', en: 'Outage' },
  body: { de: 'Wir untersuchen.', en: '' },
});

const fieldsOf = (e: unknown) => (e as DialtoneError).fields.map((f) => `${f.path}:${f.key}`);

describeEachStore('templates', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('templates').execute();
    await getStore().db.deleteFrom('audit_log').execute();
  });

  it('creates, lists by status, updates, deletes, with one audit row each', async () => {
    const ctx = testContext(getStore());
    const { id } = await createTemplate({ ctx, input: input('  Untersuchung  ') });
    await createTemplate({ ctx, input: input('Ankündigung', 'scheduled') });
    await createTemplate({ ctx, input: input('behoben', 'resolved') });
    await createTemplate({ ctx, input: input('Ältere Untersuchung') });
    // Lifecycle order first (investigating … resolved, then maintenance), then names as people sort them.
    expect((await listTemplates(ctx.db)).map((t) => t.name)).toEqual([
      'Ältere Untersuchung',
      'Untersuchung',
      'behoben',
      'Ankündigung',
    ]);
    expect((await listTemplates(ctx.db, { statuses: ['scheduled'] })).map((t) => t.name)).toEqual([
      'Ankündigung',
    ]);

    await updateTemplate({
      ctx,
      input: { ...input('Untersuchung'), templateId: id, body: { de: 'Neu', en: 'New' } },
    });
    expect((await findTemplate(ctx.db, id))?.body).toEqual({ de: 'Neu', en: 'New' });

    await deleteTemplate({ ctx, input: { templateId: id } });
    expect(await findTemplate(ctx.db, id)).toBeNull();
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'template.create',
      'template.create',
      'template.create',
      'template.create',
      'template.update',
      'template.delete',
    ]);
    expect(JSON.parse(audit[4]!.detail)).toEqual({ name: 'Untersuchung', changed: ['body_de', 'body_en'] });
  });

  it('refuses bad input per field and writes nothing', async () => {
    const ctx = testContext(getStore());
    const err = await createTemplate({
      ctx,
      input: { name: ' ', status: 'fine', title: { de: 'x'.repeat(201), en: '' }, body: { de: '', en: '' } },
    }).catch((e: unknown) => e);
    expect(fieldsOf(err)).toEqual([
      'name:error.required',
      'status:error.invalidValue',
      'title_de:error.tooLong',
      'body_de:error.requiredOneLanguage',
    ]);
    expect(await listTemplates(ctx.db)).toHaveLength(0);
    expect(await ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });

  it('keeps names unique on create and on rename', async () => {
    const ctx = testContext(getStore());
    await createTemplate({ ctx, input: input('A') });
    const { id } = await createTemplate({ ctx, input: input('B') });
    const dup = await createTemplate({ ctx, input: input('A') }).catch((e: unknown) => e);
    expect(fieldsOf(dup)).toEqual(['name:console.templates.error.nameTaken']);
    const rename = await updateTemplate({ ctx, input: { ...input('A'), templateId: id } }).catch(
      (e: unknown) => e,
    );
    expect(fieldsOf(rename)).toEqual(['name:console.templates.error.nameTaken']);
    // Saving a template under its own name is no conflict.
    await updateTemplate({ ctx, input: { ...input('B', 'identified'), templateId: id } });
  });

  it('lets only one of two concurrent creations with one name succeed', async () => {
    const ctx = testContext(getStore());
    const results = await Promise.allSettled([
      createTemplate({ ctx, input: input('Same') }),
      createTemplate({ ctx, input: input('Same') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(fieldsOf(failed.reason)).toEqual(['name:console.templates.error.nameTaken']);
  });

  it('reports a missing template as not found', async () => {
    const ctx = testContext(getStore());
    for (const call of [
      () => deleteTemplate({ ctx, input: { templateId: 'gone' } }),
      () => updateTemplate({ ctx, input: { ...input('X'), templateId: 'gone' } }),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect((err as DialtoneError).code).toBe('not_found');
    }
    expect(await listTemplates(ctx.db)).toHaveLength(0);
  });

  it('adds the standard set once, in the operator’s language', async () => {
    const ctx = testContext(getStore());
    expect(await addStandardTemplates({ ctx, input: { locale: 'en' } })).toEqual({
      added: standardTemplates.length,
    });
    expect(await addStandardTemplates({ ctx, input: { locale: 'en' } })).toEqual({ added: 0 });
    const list = await listTemplates(ctx.db);
    expect(list.map((t) => t.status).sort()).toEqual(
      ['identified', 'investigating', 'monitoring', 'resolved', 'scheduled'].sort(),
    );
    expect(list.find((t) => t.status === 'resolved')?.name).toBe('Outage – resolved');
    for (const t of list) expect(t.body.de && t.body.en).toBeTruthy();
  });
});
