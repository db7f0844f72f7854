/**
 * A queue URL fit to print: the password in `user:password@` becomes `***` (the user name
 * stays), and so does the value of a `password=` query parameter. Text that is not a URL
 * comes back with the same rules applied, so a malformed URL is never echoed with its secret.
 * @example
 * redactUrl('redis://worker:s3cret@10.0.0.5:6379/0'); // 'redis://worker:***@10.0.0.5:6379/0'
 */
export function redactUrl(url: string): string {
  let out = url;
  const start = authorityStart(url);
  const rest = url.slice(start);
  // the last '@' ends the user info: an unencoded '@' or '/' in a password must not leak its tail
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const info = rest.slice(0, at);
    const colon = info.indexOf(':');
    if (colon >= 0) out = `${url.slice(0, start)}${info.slice(0, colon)}:***${rest.slice(at)}`;
  }
  return out.replace(/([?&;]password=)[^&#\s]*/gi, '$1***');
}

/**
 * `text` with every appearance of the password in `url` replaced by `***` (for error messages
 * that a library built from the URL). The password is taken raw and percent-decoded.
 */
export function redactSecretIn(text: string, url: string): string {
  const secrets = urlSecrets(url).filter((s) => s.length > 0);
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}

/** The password in `url`'s user info and `password=` parameters, as written and decoded. */
function urlSecrets(url: string): string[] {
  const found: string[] = [];
  const rest = url.slice(authorityStart(url));
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const info = rest.slice(0, at);
    const colon = info.indexOf(':');
    if (colon >= 0) found.push(info.slice(colon + 1));
  }
  for (const m of url.matchAll(/[?&;]password=([^&#\s]*)/gi)) found.push(m[1]!);
  return found.flatMap((s) => {
    try {
      const decoded = decodeURIComponent(s);
      return decoded === s ? [s] : [s, decoded];
    } catch {
      return [s];
    }
  });
}

/** Where the user info would begin: after `scheme://`, or at 0 when there is no scheme. */
function authorityStart(url: string): number {
  const scheme = url.indexOf('://');
  return scheme >= 0 ? scheme + 3 : 0;
}
