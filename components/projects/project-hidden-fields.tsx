/** The two fields every plain form of a project page sends: the page's language and the project. */
export function ProjectHiddenFields({ locale, projectId }: { locale: string; projectId: number }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="projectId" value={projectId} />
    </>
  );
}
