// Without `Neon-Raw-Text-Output: true`, Neon answers JSON values, not PostgreSQL's text
// (proxy/src/serverless/json.rs, pg_text_to_json): booleans, 2- and 4-byte integers, finite floats
// and json/jsonb as JSON; arrays as JSON arrays of their elements; everything else as its text.
import { parse } from "postgres-array";

const float = (text) => (Number.isFinite(Number(text)) ? Number(text) : text);
const SCALARS = {
  16: (text) => text === "t", // bool
  21: Number, // int2
  23: Number, // int4
  700: float, // float4
  701: float, // float8
  114: JSON.parse, // json
  3802: JSON.parse, // jsonb
};

/** `arrays`: array type oid -> its element's type oid (pg_type, read once per pool). */
export function textToJson(text, oid, arrays) {
  if (text === null) return null;
  const element = arrays.get(oid);
  if (element !== undefined) return parse(text, (item) => textToJson(item, element, arrays));
  return (SCALARS[oid] ?? String)(text);
}

export const ARRAY_TYPES = "SELECT oid::int AS oid, typelem::int AS element FROM pg_type WHERE typcategory = 'A'";
