/**
 * @module Strings of the partners area (German reference, English with the same keys): the
 * console's partner invitations, the invitee's page, the partner area and partner reporting.
 */
export const de = {
  'console.role.partner': 'Partner',
  'partner.invitation.invalid':
    'Dieser Einladungslink gilt nicht (mehr): Er wurde schon benutzt, zurückgezogen oder ist abgelaufen. Bitten Sie um eine neue Einladung.',
  'partner.clouds.invalid': '„{value}“ ist kein Cloud-Name (ein Hostname wie maxmuster.example-cloud.com).',
  'partner.clouds.tooMany': 'Höchstens {max} Clouds.',
  'partner.report.signIn':
    'Als Partner melden Sie sich bitte zuerst an; dann sind alle Dienste meldbar und Ihre Meldungen stehen in Ihrem Partnerbereich.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'console.role.partner': 'Partner',
  'partner.invitation.invalid':
    'This invitation link is not (or no longer) valid: it has been used, withdrawn or has expired. Please ask for a new invitation.',
  'partner.clouds.invalid': '"{value}" is not a cloud name (a host name such as maxmuster.example-cloud.com).',
  'partner.clouds.tooMany': 'At most {max} clouds.',
  'partner.report.signIn':
    'As a partner, please sign in first; then every service can be reported and your reports are listed in your partner area.',
};
