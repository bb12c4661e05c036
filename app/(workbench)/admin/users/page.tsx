import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { cardClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { forbidden } from "next/navigation";
import { listUsers } from "@/lib/services/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!can(actor, "user:manage")) forbidden();
  const users = await listUsers({ actor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <div className={cardClass}>
        <CreateUserForm />
      </div>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">People with access to this workspace</caption>
          <thead>
            <tr className="border-b border-stone-200">
              <th scope="col" className="p-2">
                Name
              </th>
              <th scope="col" className="p-2">
                Email
              </th>
              <th scope="col" className="p-2">
                Role
              </th>
              <th scope="col" className="p-2">
                Status
              </th>
              <th scope="col" className="p-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === actor.id} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
