import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../support/test-database";

const url = setupTestDatabase();
let client: pg.Client;

const CASE_TABLES = ["households", "guardians", "children", "child_categories", "visits", "referrals", "entitlements"];

beforeAll(async () => {
  client = new pg.Client({ connectionString: url() });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe("jurisdiction prefixes are index range scans", () => {
  it("every case table's area_code column uses the C collation, which b-tree prefix matching needs", async () => {
    const { rows } = await client.query<{ table_name: string; collation_name: string | null }>(
      `SELECT table_name, collation_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'area_code' ORDER BY table_name`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of CASE_TABLES) expect(tables).toContain(table);
    expect(rows.filter((r) => r.collation_name !== "C")).toEqual([]);
  });

  it("a scoped count of children under a township prefix is planned on the area_code index", async () => {
    // Without the C collation PostgreSQL cannot use the index for LIKE 'prefix%' and would plan a seq scan.
    await client.query("SET enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      "EXPLAIN SELECT count(*) FROM children WHERE area_code LIKE '411523101%' AND status = 'ACTIVE'",
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index (Only )?Scan using children_area_code_status_idx|Bitmap Index Scan on children_area_code_status_idx/);
    expect(plan).toContain("area_code >= '411523101'");
  });
});
