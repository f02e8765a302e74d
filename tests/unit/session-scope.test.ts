import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain/roles";
import { scopePrefixFor } from "@/lib/server/session";

const VILLAGE = "411523101201";
const TOWNSHIP = "411523101000";
const COUNTY = "411523000000";
const PREFECTURE = "411500000000";
const PROVINCE = "410000000000";

describe("scopePrefixFor: the jurisdiction a role holds at an area", () => {
  it("gives a village director her whole 12-digit village code", () => {
    expect(scopePrefixFor("VILLAGE_DIRECTOR", VILLAGE)).toBe(VILLAGE);
  });

  it("gives a township supervisor the 9-digit township prefix", () => {
    expect(scopePrefixFor("TOWNSHIP_SUPERVISOR", TOWNSHIP)).toBe("411523101");
  });

  it("gives a county officer the 6-digit county prefix", () => {
    expect(scopePrefixFor("COUNTY_OFFICER", COUNTY)).toBe("411523");
  });

  it("gives a province officer the 2-digit province prefix", () => {
    expect(scopePrefixFor("PROVINCE_OFFICER", PROVINCE)).toBe("41");
  });

  it("gives a ministry officer at the empty area the whole nation", () => {
    expect(scopePrefixFor("MINISTRY_OFFICER", "")).toBe("");
  });

  it("gives administrators and auditors the prefix of the level they were delegated at", () => {
    for (const role of ["SYSTEM_ADMIN", "AUDITOR"] as const) {
      expect(scopePrefixFor(role, COUNTY)).toBe("411523");
      expect(scopePrefixFor(role, PREFECTURE)).toBe("4115");
      expect(scopePrefixFor(role, PROVINCE)).toBe("41");
      expect(scopePrefixFor(role, "")).toBe("");
    }
  });

  it("refuses administrators and auditors below county level", () => {
    for (const role of ["SYSTEM_ADMIN", "AUDITOR"] as const) {
      expect(scopePrefixFor(role, TOWNSHIP)).toBeNull();
      expect(scopePrefixFor(role, VILLAGE)).toBeNull();
    }
  });

  it("refuses a role placed below its level", () => {
    expect(scopePrefixFor("TOWNSHIP_SUPERVISOR", VILLAGE)).toBeNull();
    expect(scopePrefixFor("COUNTY_OFFICER", TOWNSHIP)).toBeNull();
    expect(scopePrefixFor("PROVINCE_OFFICER", PREFECTURE)).toBeNull();
    expect(scopePrefixFor("MINISTRY_OFFICER", PROVINCE)).toBeNull();
  });

  it("refuses a village director whose area is a county code", () => {
    expect(scopePrefixFor("VILLAGE_DIRECTOR", COUNTY)).toBeNull();
  });

  it("refuses a role placed above its level", () => {
    expect(scopePrefixFor("VILLAGE_DIRECTOR", TOWNSHIP)).toBeNull();
    expect(scopePrefixFor("TOWNSHIP_SUPERVISOR", COUNTY)).toBeNull();
    expect(scopePrefixFor("COUNTY_OFFICER", PROVINCE)).toBeNull();
  });

  it("refuses every role at a malformed area code", () => {
    for (const role of ROLES) {
      for (const bad of ["41152310120", "4115231012010", "41152310120a", " 41152310120", "41"]) {
        expect(scopePrefixFor(role, bad), `${role} at "${bad}"`).toBeNull();
      }
    }
  });

  it("refuses the empty (national) area to every role but the ministry, administrators and auditors", () => {
    const national = ROLES.filter((role) => scopePrefixFor(role, "") === "");
    expect(national.sort()).toEqual(["AUDITOR", "MINISTRY_OFFICER", "SYSTEM_ADMIN"]);
  });
});
