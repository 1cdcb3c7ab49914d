/**
 * @module Console: message templates. List (with the standard set for an empty list), create,
 * edit, delete (after a confirmation page). Refused input re-renders with 400, input kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '#src/domain/errors.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import { addStandardTemplates } from '#src/services/add-standard-templates.ts';
import { createTemplate } from '#src/services/create-template.ts';
import { deleteTemplate } from '#src/services/delete-template.ts';
import { getTemplate } from '#src/services/get-template.ts';
import { listTemplates } from '#src/services/list-templates.ts';
import { updateTemplate } from '#src/services/update-template.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import {
  field,
  formData,
  isValidationError,
  noticeText,
  sendConsolePage,
} from '#src/web/views/console/incident-common.ts';
import {
  readTemplateValues,
  renderTemplateForm,
  type TemplateValues,
  templateInput,
  templateValuesOf,
} from '#src/web/views/console/template-form.ts';
import { renderTemplateDelete, renderTemplateList } from '#src/web/views/console/template-list.ts';

const notices: Record<string, MessageKey> = {
  created: 'console.templates.notice.created',
  updated: 'console.templates.notice.updated',
  deleted: 'console.templates.notice.deleted',
  gone: 'console.templates.notice.gone',
  standard: 'console.templates.notice.standardAdded',
  standardSkipped: 'console.templates.notice.standardSkipped',
};

export async function consoleTemplateRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));

  app.get('/console/templates', guard, async (request, reply) => {
    const t = request.t;
    return sendConsolePage(request, reply, {
      title: t('console.templates.title'),
      section: 'templates',
      notice: noticeText(t, field(formData(request.query), 'notice'), notices),
      body: renderTemplateList({
        t,
        locale: request.locale,
        csrf: request.csrfToken(reply),
        templates: await listTemplates(db),
      }),
    });
  });

  app.post('/console/templates/standard', guard, async (request, reply) => {
    const { added } = await addStandardTemplates({ ctx: ctxOf(request), input: { locale: request.locale } });
    return reply.redirect(`/console/templates?notice=${added > 0 ? 'standard' : 'standardSkipped'}`, 303);
  });

  function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    o: { id?: string; values: TemplateValues; errors?: FieldError[]; status?: number },
  ) {
    const t = request.t;
    const title = o.id ? t('console.templates.edit') : t('console.templates.new');
    return sendConsolePage(
      request,
      reply,
      {
        title,
        section: 'templates',
        notice: noticeText(t, field(formData(request.query), 'notice'), notices),
        body: renderTemplateForm({
          t,
          csrf: request.csrfToken(reply),
          action: o.id ? `/console/templates/${o.id}` : '/console/templates',
          values: o.values,
          errors: o.errors ?? [],
          submitLabel: o.id ? t('console.templates.save') : t('console.templates.create'),
        }),
      },
      o.status,
    );
  }

  app.get('/console/templates/new', guard, (request, reply) =>
    formPage(request, reply, { values: readTemplateValues({}) }),
  );

  app.post('/console/templates', guard, async (request, reply) => {
    const values = readTemplateValues(formData(request.body));
    try {
      await createTemplate({ ctx: ctxOf(request), input: templateInput(values) });
      return reply.redirect('/console/templates?notice=created', 303);
    } catch (e) {
      if (!isValidationError(e)) throw e;
      return formPage(request, reply, { values, errors: e.fields, status: 400 });
    }
  });

  app.get<{ Params: { id: string } }>('/console/templates/:id', guard, async (request, reply) => {
    const template = await getTemplate(db, request.params.id);
    return formPage(request, reply, { id: template.id, values: templateValuesOf(template) });
  });

  app.post<{ Params: { id: string } }>('/console/templates/:id', guard, async (request, reply) => {
    const id = request.params.id;
    const values = readTemplateValues(formData(request.body));
    try {
      await updateTemplate({ ctx: ctxOf(request), input: { ...templateInput(values), templateId: id } });
      return reply.redirect('/console/templates?notice=updated', 303);
    } catch (e) {
      if (!isValidationError(e)) throw e;
      return formPage(request, reply, { id, values, errors: e.fields, status: 400 });
    }
  });

  app.get<{ Params: { id: string } }>('/console/templates/:id/delete', guard, async (request, reply) => {
    const template = await getTemplate(db, request.params.id);
    const t = request.t;
    return sendConsolePage(request, reply, {
      title: t('console.templates.deleteTitle', { name: template.name }),
      section: 'templates',
      body: renderTemplateDelete({ t, csrf: request.csrfToken(reply), template }),
    });
  });

  app.post<{ Params: { id: string } }>('/console/templates/:id/delete', guard, async (request, reply) => {
    try {
      await deleteTemplate({ ctx: ctxOf(request), input: { templateId: request.params.id } });
      return reply.redirect('/console/templates?notice=deleted', 303);
    } catch (e) {
      // Deleted by someone else (or a second click): the outcome the operator wanted.
      if (e instanceof DialtoneError && e.code === 'not_found') {
        return reply.redirect('/console/templates?notice=gone', 303);
      }
      throw e;
    }
  });
}
