import { describe, expect, it } from "vitest";
import { checkColumnValues } from "@/test/fakes/monday-columns";
import { columnValue, mondayColumnValues, mondayItemUrl } from "./items";

const FIELDS = {
  severity: "error",
  asset: "github.com/maggie/jelly-sandwich",
  content: "secret_token = '…'",
  firstSeen: "2026-11-25T10:00:00.000Z",
};

describe("monday column_values per column type", () => {
  it("text is a string, long_text {text}, status {label}, date {date: YYYY-MM-DD}", () => {
    expect(columnValue("text", "x")).toBe("x");
    expect(columnValue("long_text", "x")).toEqual({ text: "x" });
    expect(columnValue("status", "error")).toEqual({ label: "error" });
    expect(columnValue("date", "2026-11-25T10:00:00.000Z")).toEqual({ date: "2026-11-25" });
    expect(columnValue("people", "x")).toBeUndefined();
    expect(columnValue("date", "not a date")).toBeUndefined();
  });

  it("fills the columns that match by id or title, and leaves the others alone", () => {
    const columns = [
      { id: "name", title: "Name", type: "name" },
      { id: "status", title: "Severity", type: "status" },
      { id: "text1", title: "Asset", type: "text" },
      { id: "content", title: "Details", type: "long_text" },
      { id: "date4", title: "First seen", type: "date" },
      { id: "owner", title: "Owner", type: "people" },
    ];
    const values = mondayColumnValues(columns, FIELDS);
    expect(values).toEqual({
      status: { label: "error" },
      text1: "github.com/maggie/jelly-sandwich",
      content: { text: "secret_token = '…'" },
      date4: { date: "2026-11-25" },
    });
    // The fake's per-type checks (monday's documented shapes) accept every value.
    expect(
      checkColumnValues(values, [...columns.slice(0, 5), { ...columns[1], labels: { "0": "error" } }], false),
    ).toEqual([]);
  });

  it("matches first_seen, firstSeen and `first seen` alike, and skips columns of other types", () => {
    for (const id of ["first_seen", "firstSeen", "first-seen"]) {
      expect(mondayColumnValues([{ id, title: "When", type: "date" }], FIELDS)).toEqual({
        [id]: { date: "2026-11-25" },
      });
    }
    expect(mondayColumnValues([{ id: "numbers", title: "Severity", type: "numbers" }], FIELDS)).toEqual({});
  });

  it("long text is cut at monday's 2000 characters; empty values are not sent", () => {
    const long = mondayColumnValues([{ id: "content", title: "Content", type: "long_text" }], {
      ...FIELDS,
      content: "x".repeat(5000),
    });
    expect((long.content as { text: string }).text).toHaveLength(2000);
    expect(mondayColumnValues([{ id: "content", title: "Content", type: "text" }], { ...FIELDS, content: "" })).toEqual(
      {},
    );
  });

  it("builds the item link from the account domain", () => {
    expect(mondayItemUrl("acme.monday.com", "18", "90")).toBe("https://acme.monday.com/boards/18/pulses/90");
  });
});
