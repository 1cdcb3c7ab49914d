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
  'partner.clouds.label': 'Betroffene Clouds (optional)',
  'partner.clouds.hint':
    'Ein Cloud-Name je Zeile, z. B. maxmuster.example-cloud.com. Leer: alle Clouds. Meldungen zu einer Cloud werden nur Störungen zugeordnet, die diese Cloud nennen oder keine.',
  'partner.clouds.none': 'alle Clouds',
  'partner.clouds.title': 'Betroffene Clouds',
  'partner.clouds.save': 'Clouds speichern',
  'partner.clouds.saved': 'Die Liste der betroffenen Clouds ist gespeichert.',
  'api.op.getIncidentClouds': 'Betroffene Clouds einer Störung lesen',
  'api.opDesc.getIncidentClouds':
    'Die Clouds, die die Störung nennt. Leer: alle Clouds. Meldungen zu einer Cloud werden einer offenen Störung nur zugeordnet, wenn sie diese Cloud oder keine nennt.',
  'api.op.setIncidentClouds': 'Betroffene Clouds einer Störung setzen',
  'api.opDesc.setIncidentClouds':
    'Ersetzt die Liste der Clouds einer offenen Störung (Hostnamen, ohne Groß-/Kleinschreibung). Eine leere Liste heißt: alle Clouds. Bereits zugeordnete Meldungen bleiben zugeordnet.',
  'api.field.clouds': 'Cloud-Namen (Hostnamen wie maxmuster.example-cloud.com); leer: alle Clouds.',
  'partner.report.signIn':
    'Als Partner melden Sie sich bitte zuerst an; dann sind alle Dienste meldbar und Ihre Meldungen stehen in Ihrem Partnerbereich.',
  'partner.report.signInLink': 'Partner? Hier anmelden',
  'partner.report.asPartner': 'Sie melden als Partner für {company} ({email}).',
  'partner.area.title': 'Partnerbereich',
  'partner.area.intro': 'Angemeldet als {email} ({company}).',
  'partner.area.selfCheck': 'Selbsttest starten',
  'partner.area.report': 'Störung melden',
  'partner.area.signOut': 'Abmelden',
  'partner.area.reports': 'Ihre Meldungen',
  'partner.area.noReports': 'Sie haben noch keine Störung gemeldet.',
  'partner.area.ticket': 'Ticket',
  'partner.area.service': 'Dienst',
  'partner.area.state': 'Stand',
  'partner.area.created': 'Eingegangen',
  'partner.area.incident': 'Störung',
  'partner.area.back': 'Zurück zum Partnerbereich',
  'partner.password.title': 'Passwort ändern',
  'partner.password.intro':
    'Danach melden Sie sich mit dem neuen Passwort wieder an; alle anderen Anmeldungen Ihres Kontos enden.',
  'partner.password.submit': 'Passwort ändern',
  'partner.accept.title': 'Willkommen als Partner',
  'partner.accept.intro':
    '{company} ist eingeladen, Störungen zu melden und ihren Stand zu verfolgen. Legen Sie für {email} ein Passwort fest; danach sind Sie angemeldet.',
  'partner.accept.submit': 'Passwort festlegen und anmelden',
  'partner.accept.invalidTitle': 'Einladung ungültig',
  'partner.accept.invalidHelp':
    'Wenden Sie sich an Ihren Ansprechpartner beim Anbieter. Haben Sie schon ein Konto, melden Sie sich einfach an.',
  'partner.accept.toLogin': 'Zur Anmeldung',
  'partner.accept.emailTaken':
    'Für {email} gibt es schon ein Konto. Melden Sie sich damit an, oder bitten Sie um eine Einladung an eine andere Adresse.',
  'partner.console.title': 'Partner',
  'partner.console.manage': 'Partner und Einladungen',
  'partner.console.intro':
    'Partner (Fachhändler, Installateure) melden Störungen für alle Dienste und sehen ihre eigenen Meldungen – sonst nichts: keine Konsole, keine Meldungen anderer.',
  'partner.console.invite': 'Partner einladen',
  'partner.console.inviteSubmit': 'Einladung erstellen',
  'partner.console.firstName': 'Vorname',
  'partner.console.lastName': 'Nachname',
  'partner.console.company': 'Firma',
  'partner.console.locale': 'Sprache des Partners',
  'partner.console.partners': 'Partner-Konten',
  'partner.console.noPartners': 'Noch keine Partner.',
  'partner.console.invitations': 'Offene Einladungen',
  'partner.console.noInvitations': 'Keine offenen Einladungen.',
  'partner.console.expires': 'Gültig bis',
  'partner.console.invitedBy': 'Eingeladen von',
  'partner.console.revoke': 'Zurückziehen',
  'partner.console.state.open': 'offen',
  'partner.console.state.expired': 'abgelaufen',
  'partner.console.state.revoked': 'zurückgezogen',
  'partner.console.linkTitle': 'Einladung erstellt',
  'partner.console.linkIntro':
    'Schicken Sie diesen Link an {email}. Er gilt einmal, bis {expires}, und wird nur jetzt angezeigt.',
  'partner.console.linkLabel': 'Einladungslink',
  'partner.console.invitationRevoked': 'Die Einladung ist zurückgezogen; ihr Link gilt nicht mehr.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'console.role.partner': 'Partner',
  'partner.invitation.invalid':
    'This invitation link is not (or no longer) valid: it has been used, withdrawn or has expired. Please ask for a new invitation.',
  'partner.clouds.invalid':
    '"{value}" is not a cloud name (a host name such as maxmuster.example-cloud.com).',
  'partner.clouds.tooMany': 'At most {max} clouds.',
  'partner.clouds.label': 'Clouds affected (optional)',
  'partner.clouds.hint':
    'One cloud name per line, e.g. maxmuster.example-cloud.com. Empty: every cloud. Reports on a cloud are linked only to incidents that name that cloud or none.',
  'partner.clouds.none': 'every cloud',
  'partner.clouds.title': 'Clouds affected',
  'partner.clouds.save': 'Save clouds',
  'partner.clouds.saved': 'The list of affected clouds is saved.',
  'api.op.getIncidentClouds': 'Read the clouds an incident names',
  'api.opDesc.getIncidentClouds':
    'The clouds the incident names. Empty: every cloud. A report on a cloud is linked to an open incident by itself only if the incident names that cloud or none.',
  'api.op.setIncidentClouds': 'Set the clouds an incident names',
  'api.opDesc.setIncidentClouds':
    'Replaces the list of clouds of an open incident (host names, case-insensitive). An empty list means every cloud. Reports already linked stay linked.',
  'api.field.clouds': 'Cloud names (host names such as maxmuster.example-cloud.com); empty: every cloud.',
  'partner.report.signIn':
    'As a partner, please sign in first; then every service can be reported and your reports are listed in your partner area.',
  'partner.report.signInLink': 'Partner? Sign in here',
  'partner.report.asPartner': 'You are reporting as a partner for {company} ({email}).',
  'partner.area.title': 'Partner area',
  'partner.area.intro': 'Signed in as {email} ({company}).',
  'partner.area.selfCheck': 'Start the self-check',
  'partner.area.report': 'Report an outage',
  'partner.area.signOut': 'Sign out',
  'partner.area.reports': 'Your reports',
  'partner.area.noReports': 'You have not reported an outage yet.',
  'partner.area.ticket': 'Ticket',
  'partner.area.service': 'Service',
  'partner.area.state': 'State',
  'partner.area.created': 'Received',
  'partner.area.incident': 'Incident',
  'partner.area.back': 'Back to the partner area',
  'partner.password.title': 'Change password',
  'partner.password.intro':
    'Afterwards you sign in again with the new password; every other sign-in of your account ends.',
  'partner.password.submit': 'Change password',
  'partner.accept.title': 'Welcome as a partner',
  'partner.accept.intro':
    '{company} is invited to report outages and follow them. Choose a password for {email}; you are signed in afterwards.',
  'partner.accept.submit': 'Set password and sign in',
  'partner.accept.invalidTitle': 'Invitation not valid',
  'partner.accept.invalidHelp':
    'Please contact your account manager at the provider. If you already have an account, simply sign in.',
  'partner.accept.toLogin': 'To sign-in',
  'partner.accept.emailTaken':
    'There is an account for {email} already. Sign in with it, or ask for an invitation to another address.',
  'partner.console.title': 'Partners',
  'partner.console.manage': 'Partners and invitations',
  'partner.console.intro':
    'Partners (resellers, installers) report outages for every service and see their own reports — nothing else: no console, no one else’s reports.',
  'partner.console.invite': 'Invite a partner',
  'partner.console.inviteSubmit': 'Create invitation',
  'partner.console.firstName': 'First name',
  'partner.console.lastName': 'Last name',
  'partner.console.company': 'Company',
  'partner.console.locale': 'Partner’s language',
  'partner.console.partners': 'Partner accounts',
  'partner.console.noPartners': 'No partners yet.',
  'partner.console.invitations': 'Open invitations',
  'partner.console.noInvitations': 'No open invitations.',
  'partner.console.expires': 'Valid until',
  'partner.console.invitedBy': 'Invited by',
  'partner.console.revoke': 'Withdraw',
  'partner.console.state.open': 'open',
  'partner.console.state.expired': 'expired',
  'partner.console.state.revoked': 'withdrawn',
  'partner.console.linkTitle': 'Invitation created',
  'partner.console.linkIntro':
    'Send this link to {email}. It works once, until {expires}, and is shown only now.',
  'partner.console.linkLabel': 'Invitation link',
  'partner.console.invitationRevoked': 'The invitation is withdrawn; its link no longer works.',
};
