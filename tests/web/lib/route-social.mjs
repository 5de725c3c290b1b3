// Lets the browser reach the mock social APIs (mock-social-api.mjs) at the addresses the real
// code uses (https://<instance>, https://public.api.bsky.app): each request to `origin` is
// answered by the mock, links in its answer rewritten back to `origin`. The page's code is not
// told anything, so the test exercises the very URLs, CORS and errors a real visit would.

/** Routes every request to `origin` through the mock; resolves an unroute() function. */
export async function routeToMock(context, mock, origin) {
  const pattern = `${origin}/**`;
  const handler = async (route) => {
    const url = new URL(route.request().url());
    const answer = await fetch(`${mock.origin}${url.pathname}${url.search}`, { method: route.request().method() });
    const headers = {};
    answer.headers.forEach((value, name) => { headers[name] = value.replaceAll(mock.origin, origin); });
    await route.fulfill({ status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) });
  };
  await context.route(pattern, handler);
  return () => context.unroute(pattern, handler);
}
