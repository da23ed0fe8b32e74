import type { ComponentProps } from 'react';
import { IdempotencyKey } from './idempotency-key';

/**
 * A plain form posting to a server action (a button: support, delete, mark as read…), with its
 * idempotency key: every POST form of the app is a PostForm or an ActionForm. Works without JavaScript.
 */
export function PostForm({ action, children, ...rest }: Omit<ComponentProps<'form'>, 'action'> & { action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action} {...rest}>
      <IdempotencyKey />
      {children}
    </form>
  );
}
