/**
 * @module Links that keep the current page: the language switch (`?lang=en` on the same URL).
 */
export function withQuery(url: string, key: string, value: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set(key, value);
  return `${u.pathname}${u.search}`;
}

export const langSwitchHref = (url: string, to: 'de' | 'en') => withQuery(url, 'lang', to);
