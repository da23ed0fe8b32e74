import { describe, expect, it } from 'vitest';
import { conflict, forbidden, invalid, notFound, rateLimited } from '@/lib/errors';
import { failureToState, formValues, keepableValues } from '@/lib/forms/state';

/** A stand-in translator that shows which key (and values) were asked for. */
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}(${JSON.stringify(values)})` : key);

const typed = { displayName: 'Awa Traoré', phone: '76 12 34 56', password: 'secret-secret', currentPassword: 'old-one' };

describe('a form after a failed submission', () => {
  it('keeps what the person typed, except passwords', () => {
    const state = failureToState(invalid({ phone: 'phoneInvalid' }), typed, t);
    expect(state.values).toEqual({ displayName: 'Awa Traoré', phone: '76 12 34 56' });
  });

  it('shows each field error next to its field, and a general hint at the top', () => {
    const state = failureToState(invalid({ phone: 'phoneInvalid', displayName: 'tooShort' }), typed, t);
    expect(state).toEqual({
      status: 'error',
      values: { displayName: 'Awa Traoré', phone: '76 12 34 56' },
      fieldErrors: { phone: 'phoneInvalid', displayName: 'tooShort' },
      formError: 'checkFields',
    });
  });

  it('an error about the whole form, or about a field the form does not show, goes to the top', () => {
    expect(failureToState(invalid({ _form: 'badCredentials' }), typed, t).formError).toBe('badCredentials');
    const state = failureToState(invalid({ _form: 'unknownField', communeId: 'communeRequired' }), typed, t);
    expect(state.formError).toBe('unknownField');
    expect(state.fieldErrors).toEqual({});
  });

  it('a taken phone number is shown on the phone field', () => {
    expect(failureToState(conflict({ phone: 'phoneTaken' }), typed, t).fieldErrors).toEqual({ phone: 'phoneTaken' });
  });

  it('a rate limit says how many whole minutes to wait (at least one)', () => {
    expect(failureToState(rateLimited(1), typed, t).formError).toBe('rateLimited({"minutes":1})');
    expect(failureToState(rateLimited(61), typed, t).formError).toBe('rateLimited({"minutes":2})');
    expect(failureToState(rateLimited(900), typed, t).formError).toBe('rateLimited({"minutes":15})');
  });

  it('forbidden and not found have their own messages', () => {
    expect(failureToState(forbidden(), typed, t).formError).toBe('forbidden');
    expect(failureToState(notFound(), typed, t).formError).toBe('notFound');
  });
});

describe('reading a submission', () => {
  it('takes the text fields and leaves out framework fields and files', () => {
    const fd = new FormData();
    fd.set('displayName', 'Awa');
    fd.set('$ACTION_ID_abc', '');
    fd.set('photo', new Blob(['x']), 'photo.jpg');
    expect(formValues(fd)).toEqual({ displayName: 'Awa' });
  });

  it('never keeps a field whose name mentions a password or PIN', () => {
    expect(keepableValues({ newPassword: 'a', PIN: 'b', pinCode: 'c', name: 'd' })).toEqual({ name: 'd' });
  });
});
