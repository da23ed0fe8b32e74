import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const DOT = '•';

/**
 * A recipient as admins and logs see it: enough to recognise a number or a mailbox when someone
 * calls about it, not enough to read a list of them. "+22376123401" → "+223 76 •• •• 01";
 * "awa.traore@exemple.ml" → "a•••@exemple.ml".
 */
export function maskRecipient(recipient: string): string {
  if (recipient.includes('@')) {
    const at = recipient.lastIndexOf('@');
    const local = recipient.slice(0, at);
    return `${local.length > 1 ? local[0] : ''}${DOT.repeat(3)}${recipient.slice(at)}`;
  }
  const phone = parsePhoneNumberFromString(recipient);
  const international = phone ? phone.formatInternational() : recipient;
  const code = phone ? `+${phone.countryCallingCode}` : '';
  const national = international.slice(code.length);
  const digits = national.replace(/\D/g, '').length;
  // Keep the first two and the last two digits of the national number.
  let seen = 0;
  const masked = national.replace(/\d/g, (d) => {
    seen++;
    return seen <= 2 || seen > digits - 2 ? d : DOT;
  });
  return code + masked;
}
