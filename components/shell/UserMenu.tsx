import { LogOut } from "lucide-react";
import { signOutAction } from "@/lib/auth/actions";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right sm:block">
        <div className="text-sm font-medium text-zinc-900">{name}</div>
        <div className="text-xs text-zinc-500">
          {email} · {role}
        </div>
      </div>
      <form action={signOutAction}>
        <button
          type="submit"
          className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm text-zinc-700 hover:bg-zinc-100"
        >
          <LogOut className="size-4" aria-hidden />
          Sign out
        </button>
      </form>
    </div>
  );
}
