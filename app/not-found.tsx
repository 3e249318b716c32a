import type { Metadata } from "next";
import { BrandedMessage } from "@/components/shell/BrandedMessage";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <BrandedMessage code="404" title="This page does not exist">
      The address may be mistyped, or what it pointed to was removed. Check the address, or start again from the
      overview.
    </BrandedMessage>
  );
}
