import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { RouteAnnouncer } from "@/components/shell/RouteAnnouncer";

export const metadata: Metadata = {
  title: { default: "Code Security", template: "%s · Code Security" },
  description: "Connect security findings to Slack, Jira, monday.com, PagerDuty, Confluence and signed webhooks.",
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so its scripts carry that request's CSP nonce (proxy.ts);
  // a page prerendered at build time would have none and its scripts would be refused.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <RouteAnnouncer />
      </body>
    </html>
  );
}
