import { getTranslations } from 'next-intl/server';

/** The problem a project answers and the solution it proposes, as its authors wrote them. */
export async function ProjectDescription({ problem, solution }: { problem: string; solution: string }) {
  const t = await getTranslations('Project');
  return (
    <>
      <section aria-labelledby="problem-title">
        <h2 id="problem-title" className="mb-1 text-xl font-bold">{t('problem')}</h2>
        <p className="whitespace-pre-line break-words">{problem || '—'}</p>
      </section>
      <section aria-labelledby="solution-title">
        <h2 id="solution-title" className="mb-1 text-xl font-bold">{t('solution')}</h2>
        <p className="whitespace-pre-line break-words">{solution || '—'}</p>
      </section>
    </>
  );
}
