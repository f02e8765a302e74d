"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { endAllOwnSessions } from "@/lib/server/auth/account";
import { disableTwoFactorSchema } from "@/lib/schemas/auth";
import { disableSecondFactor } from "@/lib/server/auth/second-factor";

const noInput = z.strictObject({});

export const endAllSessionsAction = defineAction(noInput, async (actor) => ({ ended: await endAllOwnSessions(actor) }));

export const disableTwoFactorAction = defineAction(disableTwoFactorSchema, async (actor, input) => {
  await disableSecondFactor(actor, input);
  revalidatePath("/account");
  return { disabled: true };
});
