import crypto from "node:crypto";
import type { RoleName } from "@/lib/domain/roles";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db";
import { encryptOptional } from "@/lib/server/field-crypto";

export const FACTORY_PASSWORD = "Factory-password-2026";

let cachedHash: Promise<string> | undefined;

export type MakeUserInput = {
  role: RoleName;
  areaCode: string;
  loginName?: string;
  displayName?: string;
  password?: string;
  phone?: string;
  isActive?: boolean;
};

export async function makeUser(input: MakeUserInput) {
  // Hashing is deliberately slow; tests share one hash unless they need their own password.
  const passwordHash = input.password ? await hashPassword(input.password) : await (cachedHash ??= hashPassword(FACTORY_PASSWORD));
  return db().user.create({
    data: {
      loginName: input.loginName ?? `user-${crypto.randomUUID().slice(0, 8)}`,
      passwordHash,
      displayName: input.displayName ?? "测试用户",
      phone: encryptOptional(input.phone),
      role: input.role,
      areaCode: input.areaCode,
      isActive: input.isActive ?? true,
    },
    select: { id: true, loginName: true, role: true, areaCode: true, displayName: true },
  });
}
