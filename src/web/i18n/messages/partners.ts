/**
 * @module Strings of the partners area (German reference, English with the same keys): the
 * console's partner invitations, the invitee's page, the partner area and partner reporting.
 */
export const de = {
  'console.role.partner': 'Partner',
  'partner.invitation.invalid':
    'Dieser Einladungslink gilt nicht (mehr): Er wurde schon benutzt, zurückgezogen oder ist abgelaufen. Bitten Sie um eine neue Einladung.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'console.role.partner': 'Partner',
  'partner.invitation.invalid':
    'This invitation link is not (or no longer) valid: it has been used, withdrawn or has expired. Please ask for a new invitation.',
};
