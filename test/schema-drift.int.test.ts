// Fails when prisma/schema.prisma and the migrated database disagree: the guard that replaces
// `prisma migrate diff`, whose schema engine cannot be downloaded here. Compares tables, columns
// (type, nullability), enums, unique and plain indexes, and foreign keys with their delete rule.
import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Field = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: string; fields: { name: string }[] };

const schemaText = readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let models: Model[] = [];
let enums: { name: string; dbName?: string | null; values: { name: string }[] }[] = [];
let indexes: Index[] = [];

const column = (f: Field) => f.dbName ?? f.name;
const table = (m: Model) => m.dbName ?? m.name;
const modelByName = (name: string) => models.find((m) => m.name === name)!;

function expectedType(f: Field): string {
  if (f.kind === "enum") return `enum:${f.type}`;
  const native = f.nativeType?.[0];
  const byType: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Json: "jsonb",
    Float: "double precision",
  };
  if (f.type === "DateTime")
    return native === "Date"
      ? "date"
      : native === "Timestamptz"
        ? "timestamp with time zone"
        : "timestamp without time zone";
  return byType[f.type] ?? f.type;
}

beforeAll(async () => {
  const { getDMMF } = internals as unknown as {
    getDMMF: (o: {
      datamodel: string;
    }) => Promise<{ datamodel: { models: Model[]; enums: typeof enums; indexes: Index[] } }>;
  };
  const dmmf = await getDMMF({ datamodel: schemaText });
  models = dmmf.datamodel.models;
  enums = dmmf.datamodel.enums;
  indexes = dmmf.datamodel.indexes;
  await client.connect();
});
afterAll(() => client.end());

describe("schema.prisma and the migrations agree", () => {
  it("has exactly the tables the schema declares", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map(table).sort());
  });

  it("has every column with its type and nullability, and no column the schema does not know", async () => {
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const unsupported = [...schemaText.matchAll(/^\s*(\w+)\s+Unsupported\(/gm)].map((m) => m[1]);
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const key = `${table(model)}.${column(field)}`;
        const row = actual.get(key);
        expect(row, `column ${key} is missing`).toBeDefined();
        const type =
          row!.data_type === "USER-DEFINED"
            ? `enum:${row!.udt_name}`
            : row!.data_type === "ARRAY"
              ? row!.udt_name.replace(/^_/, "")
              : row!.data_type;
        expect(type, `type of ${key}`).toBe(expectedType(field));
        expect(row!.is_nullable === "NO", `nullability of ${key}`).toBe(field.isRequired && !field.isList);
        actual.delete(key);
      }
    }
    const extra = [...actual.keys()].filter((key) => !unsupported.includes(key.split(".")[1]));
    expect(extra, "columns in the database that schema.prisma does not declare").toEqual([]);
  });

  it("has every enum with the same values", async () => {
    const { rows } = await client.query<{ name: string; value: string }>(
      "SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder",
    );
    const actual: Record<string, string[]> = {};
    for (const r of rows) (actual[r.name] ??= []).push(r.value);
    const expected = Object.fromEntries(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has every unique constraint and index", async () => {
    const { rows } = await client.query<{ table: string; unique: boolean; columns: string[] }>(`
      SELECT c.relname AS table, i.indisunique AS unique,
             array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE n.nspname = 'public' GROUP BY c.relname, i.indexrelid, i.indisunique`);
    const have = new Set(rows.map((r) => `${r.table}(${r.columns.join(",")})${r.unique ? " unique" : ""}`));
    for (const index of indexes) {
      const model = modelByName(index.model);
      const cols = index.fields.map((f) => column(model.fields.find((x) => x.name === f.name)!));
      const unique = index.type !== "normal";
      expect(
        have.has(`${table(model)}(${cols.join(",")})${unique ? " unique" : ""}`),
        `${index.type} index on ${table(model)}(${cols})`,
      ).toBe(true);
    }
  });

  it("has every foreign key with its delete rule", async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; target: string; on_delete: string }>(`
      SELECT c.relname AS table, t.relname AS target, con.confdeltype AS on_delete,
             array(SELECT attname::text FROM pg_attribute WHERE attrelid = con.conrelid AND attnum = ANY(con.conkey)) AS columns
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class t ON t.oid = con.confrelid
      WHERE con.contype = 'f'`);
    const rule: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };
    const expected: string[] = [];
    for (const model of models) {
      for (const f of model.fields.filter((x) => x.kind === "object" && x.relationFromFields?.length)) {
        const cols = f.relationFromFields!.map((name) => column(model.fields.find((x) => x.name === name)!));
        const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
        expected.push(`${table(model)}(${cols.join(",")}) -> ${table(modelByName(f.type))} ${rule[onDelete]}`);
      }
    }
    const actual = rows.map((r) => `${r.table}(${r.columns.join(",")}) -> ${r.target} ${r.on_delete}`);
    expect(actual.sort()).toEqual(expected.sort());
  });
});
