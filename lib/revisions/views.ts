import { projectRevisionList } from '@/lib/projects/queries';
import { renderMarkdown } from '@/lib/markdown';
import { can } from '@/lib/permissions';
import { findProject } from '@/lib/projects/load';
import { mayViewProject } from '@/lib/projects/readers';
import { findTopic } from '@/lib/topics/load';
import { topicRevisionList } from '@/lib/topics/queries';
import { idParam } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';

/** One earlier version of a topic's or a project's text, as it was before an edit. */
export type RevisionView = {
  id: number;
  createdAt: string;
  /** who made the edit that replaced it (null: an account since removed) */
  editor: string | null;
  title: string;
  /** the version's text, part by part: a heading's message key (Project namespace) when the part has one */
  parts: ({ kind: 'text'; text: string; heading?: 'problem' | 'solution'; small?: boolean } | { kind: 'html'; html: string })[];
};

/** /topics/<id>/revisions and /projects/<id>/revisions: the same page, for what the reader may read (null → 404). */
export type RevisionsView = { subject: { kind: 'topic' | 'project'; id: number; title: string }; revisions: RevisionView[] };

export function revisionsPage(ctx: ViewContext, input: { kind: 'topic' | 'project'; id: string }): RevisionsView | null {
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  if (input.kind === 'topic') {
    const topic = findTopic(ctx.db, id.data);
    if (!topic || !can(ctx.actor, 'topic.read', topic)) return null;
    return {
      subject: { kind: 'topic', id: topic.id, title: topic.title },
      revisions: topicRevisionList(ctx.db, topic.id).map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        editor: r.editor,
        title: r.title,
        parts: [
          { kind: 'text', text: r.summary },
          { kind: 'html', html: renderMarkdown(r.body) },
        ],
      })),
    };
  }
  const project = findProject(ctx.db, id.data);
  if (!project || !mayViewProject(ctx.db, ctx.actor, project, ctx.now)) return null;
  return {
    subject: { kind: 'project', id: project.id, title: project.title },
    revisions: projectRevisionList(ctx.db, project.id).map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      editor: r.editor,
      title: r.title,
      parts: [
        { kind: 'text', heading: 'problem', text: r.problem },
        { kind: 'text', heading: 'solution', text: r.solution },
        { kind: 'text', small: true, text: r.location ?? '' },
      ],
    })),
  };
}
