import { escapeMarkup } from '../../common/markup.js';

/**
 * The e-mails of account administration. They carry a link and facts about
 * an account, never a password; the set-password link's token sits in the
 * URL fragment, which browsers do not send to servers or in Referer headers.
 */
export interface AccountEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export const SET_PASSWORD_LINK_HOURS = 72;

export function setPasswordLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/console/set-password#token=${token}`;
}

export function setPasswordEmail(input: {
  to: string;
  purpose: 'invitation' | 'reset';
  link: string;
  expiresAt: Date;
  tokenId: string;
  mailDomain: string;
}): AccountEmail {
  const intro =
    input.purpose === 'invitation'
      ? 'An Oversight account was created for you. Choose your password with this link:'
      : 'Someone asked to reset the password of your Oversight account. Choose a new password with this link:';
  const after =
    input.purpose === 'invitation'
      ? 'If you did not expect this account, tell the commissioner’s office.'
      : 'If you did not ask for this, ignore this message: your password stays as it is.';
  const expiry = `The link works once, until ${input.expiresAt.toISOString()}.`;
  return {
    to: [input.to],
    subject:
      input.purpose === 'invitation' ? 'Your Oversight account: choose a password' : 'Reset your Oversight password',
    text: [intro, '', input.link, '', expiry, after].join('\n'),
    html:
      `<p>${escapeMarkup(intro)}</p><p><a href="${escapeMarkup(input.link)}">${escapeMarkup(input.link)}</a></p>` +
      `<p>${escapeMarkup(expiry)}</p><p>${escapeMarkup(after)}</p>`,
    messageId: `<password-${input.tokenId}@${input.mailDomain}>`,
  };
}

/** What the commissioner's office is told when a credential that can read personal data comes into being. */
export function piiCredentialNotice(input: {
  to: string;
  credential: { kind: 'user'; id: string; email: string; role: string } | { kind: 'api_key'; id: string; name: string };
  agency: { name: string; code: string } | null;
  createdBy: { kind: string; id: string; role: string };
  at: Date;
  mailDomain: string;
}): AccountEmail {
  const c = input.credential;
  const what = c.kind === 'user' ? `A ${c.role} account (${c.email})` : `An API key ("${c.name}")`;
  const lines: [string, string][] = [
    ['Credential', c.kind === 'user' ? `user ${c.id}, role ${c.role}, ${c.email}` : `API key ${c.id}, "${c.name}"`],
    ['Agency', input.agency ? `${input.agency.name} (${input.agency.code})` : '–'],
    ['Created by', `${input.createdBy.role} ${input.createdBy.kind} ${input.createdBy.id}`],
    ['At', input.at.toISOString()],
  ];
  const intro = `${what} that can read case personal data was created. If you did not expect it, revoke or disable it and check the audit log.`;
  return {
    to: [input.to],
    subject: `New credential that can read personal data: ${c.kind === 'user' ? c.role : 'API key'}`,
    text: [intro, '', ...lines.map(([k, v]) => `${k}: ${v}`)].join('\n'),
    html:
      `<p>${escapeMarkup(intro)}</p><table>` +
      lines.map(([k, v]) => `<tr><th align="left">${escapeMarkup(k)}</th><td>${escapeMarkup(v)}</td></tr>`).join('') +
      `</table>`,
    messageId: `<credential-${c.id}@${input.mailDomain}>`,
  };
}
