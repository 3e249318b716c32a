/** Settings pages: their links sit under "Settings" in the Code Security toolbar, leaving the page its width. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return <main className="min-w-0 px-4 py-6 md:px-8">{children}</main>;
}
