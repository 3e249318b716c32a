import type { Metadata, Viewport } from "next";
import "./globals.css";
import { RouteAnnouncer } from "@/components/shell/RouteAnnouncer";

export const metadata: Metadata = {
  title: { default: "Code Security", template: "%s · Code Security" },
  description: "Connect security findings to Slack, Jira, monday.com, PagerDuty, Confluence and signed webhooks.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <RouteAnnouncer />
      </body>
    </html>
  );
}
