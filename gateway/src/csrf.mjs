import { GraphQLError } from 'graphql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';

/** A header no cross-site form can carry; a client outside a browser may send it with any body. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * A browser sends a form, multipart or text/plain POST cross-site without asking first (no CORS
 * preflight), so such a request runs nothing: Yoga's CSRF prevention refuses it with 403 unless it
 * carries CSRF_HEADER. GET is left to Yoga's own guard, which never runs a mutation over GET, so
 * links to queries keep working.
 */
export function useCsrfGuard() {
  const prevention = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET' || payload.request.method === 'HEAD') return undefined;
      try {
        return prevention.onRequestParse(payload);
      } catch {
        throw new GraphQLError(
          `A form, multipart or text/plain body runs no operation (a web page could send it cross-site); send Content-Type: application/json, or the ${CSRF_HEADER} header.`,
          { extensions: { code: 'CSRF_REFUSED', http: { status: 403 } } },
        );
      }
    },
  };
}
