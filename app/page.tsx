import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { ROLE_HOME } from "@/lib/domain/roles";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? ROLE_HOME[actor.role] : "/login");
}
