/**
 * @module Read models shared by the read verbs: incidents and maintenance as pages and APIs show
 * them (bilingual texts side by side; the presenter picks the reader's language).
 */
import type { ComponentStatus } from '#src/domain/status.ts';

export interface Bilingual {
  de: string;
  en: string;
}

export interface IncidentUpdateView {
  id: string;
  status: string;
  body: Bilingual;
  visibility: 'public' | 'internal';
  createdAt: string;
  author: string;
}

export interface IncidentView {
  id: string;
  title: Bilingual;
  impact: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  version: number;
  components: { componentId: string; status: ComponentStatus }[];
  /** Newest first. */
  updates: IncidentUpdateView[];
}

export interface MaintenanceUpdateView {
  id: string;
  status: string;
  body: Bilingual;
  createdAt: string;
  author: string;
}

export interface MaintenanceView {
  id: string;
  title: Bilingual;
  status: string;
  scheduledStart: string;
  scheduledEnd: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  componentIds: string[];
  /** Newest first. */
  updates: MaintenanceUpdateView[];
}
