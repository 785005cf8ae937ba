import { useId, type ReactNode } from 'react';
import { Card } from '@/components/ui';

/** One card of the security page, with a heading that names it for screen readers. */
export function Section({
  title,
  intro,
  children,
  anchor,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** The section's own id, for links to it (`#delete-account`). */
  anchor?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} id={anchor}>
      <Card className="settings-section">
        <h2 id={id} className="settings-section__title">
          {title}
        </h2>
        {intro ? <p className="settings-section__intro">{intro}</p> : null}
        {children}
      </Card>
    </section>
  );
}
