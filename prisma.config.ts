import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here; `prisma generate` needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/barefoot" },
});
