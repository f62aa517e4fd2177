// A real OpenID Connect provider (panva's OpenID-certified oidc-provider) for the single sign-on
// tests, on 127.0.0.1 only. Everything comes from the environment:
//   PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI,
//   ACCOUNTS_FILE: JSON {"<login name>": {<claims>}}, read at every lookup so a test can change
//   a person's claims (their groups, say) between two logins.
// The pages are its own rather than oidc-provider's development ones, which load web fonts: the
// login page asks for a login name only, and the intranet, a first-party client, needs no
// consent page.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const env = process.env;
const issuer = `http://127.0.0.1:${env.PORT}`;
const accounts = () => JSON.parse(readFileSync(env.ACCOUNTS_FILE, 'utf8'));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'signing', use: 'sig', alg: 'RS256' };

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: env.CLIENT_ID,
    client_secret: env.CLIENT_SECRET,
    redirect_uris: [env.REDIRECT_URI],
    post_logout_redirect_uris: [env.POST_LOGOUT_REDIRECT_URI],
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['test-only-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['preferred_username', 'name', 'given_name', 'family_name'],
    groups: ['groups'],
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      async logoutSource(ctx, form) {
        ctx.body = page('Log out', `${form}
          <button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, log me out</button>
          <button type="submit" form="op.logoutForm">No, stay logged in</button>`);
      },
    },
  },
  async findAccount(ctx, id) {
    const claims = accounts()[id];
    return claims && { accountId: id, claims: async () => ({ ...claims, sub: id }) };
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Error', `<p>${escape(out.error)}: ${escape(out.error_description)}</p>`);
  },
});

async function formFields(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res) {
  const { uid, prompt, params, session } = await provider.interactionDetails(req, res);
  if (req.url.endsWith('/abort')) {
    const result = { error: 'access_denied', error_description: 'The person cancelled' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'consent') {
    const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
  }
  if (req.method === 'POST') {
    const login = (await formFields(req)).get('login');
    return provider.interactionFinished(req, res, { login: { accountId: login } }, {
      mergeWithLastSubmission: false,
    });
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(page('City account', `
    <form method="post" action="/interaction/${uid}/login">
      <label for="login">Login name</label>
      <input id="login" name="login" required autofocus>
      <button type="submit">Log in</button>
    </form>
    <p><a href="/interaction/${uid}/abort">Cancel</a></p>`));
}

const callback = provider.callback();
createServer((req, res) => {
  if (!req.url.startsWith('/interaction/')) return callback(req, res);
  return interaction(req, res).catch((error) => {
    res.statusCode = 400;
    res.end(String(error));
  });
}).listen(Number(env.PORT), '127.0.0.1');
