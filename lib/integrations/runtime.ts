import { deliverNow } from "@/lib/delivery/send-now";
import { getProvider } from "./registry";
import type { ProviderRuntime } from "./types";
import { callVendor } from "./vendor-call";

/** The server's side of ProviderRuntime: what providers' Tests run on. */
export const providerRuntime: ProviderRuntime = {
  call: callVendor,
  deliverNow: (config, payload) => deliverNow(getProvider(config.provider)!, config, payload),
};
