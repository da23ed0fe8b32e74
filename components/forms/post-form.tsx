import type { ComponentProps } from 'react';
import { OutboxList } from '@/components/offline/outbox-list';
import type { OutboxSpec } from '@/lib/offline/outbox-client';
import { IdempotencyKey } from './idempotency-key';

/**
 * A plain form posting to a server action (a button: support, delete, mark as read…), with its
 * idempotency key: every POST form of the app is a PostForm or an ActionForm. Works without JavaScript.
 */
export function PostForm({
  action,
  children,
  outbox,
  ...rest
}: Omit<ComponentProps<'form'>, 'action'> & {
  action: (formData: FormData) => Promise<void>;
  /** a support: may wait in the outbox when the connection is down (issue 17) */
  outbox?: Omit<OutboxSpec, 'userId'>;
}) {
  return (
    <>
      {outbox ? <OutboxList kind={outbox.kind} path={outbox.path} /> : null}
      <form action={action} {...rest}>
        <IdempotencyKey outbox={outbox} />
        {children}
      </form>
    </>
  );
}
