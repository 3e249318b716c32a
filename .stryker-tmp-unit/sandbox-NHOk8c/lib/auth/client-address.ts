/**
 * The header in which the server stamps each request's client address (scripts/request-edge.mjs,
 * loaded by `npm start`): the socket's peer, or with TRUST_PROXY=true the address the reverse proxy
 * appended to X-Forwarded-For. The server overwrites whatever a client sent in it.
 */
// @ts-nocheck

export const CLIENT_ADDRESS_HEADER = "x-cs-client-address";

/**
 * The client address of a request. Only a server that stamps it (it sets
 * CS_CLIENT_ADDRESS_STAMPED) is believed; elsewhere (`next dev`) the header could come from the
 * client, so every request counts as one unknown address.
 */
export function clientAddress(headers: Headers): string {
  if (process.env.CS_CLIENT_ADDRESS_STAMPED !== "1") return "unknown";
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
