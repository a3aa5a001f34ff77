// The bounds every posted form's fields must keep before conform builds objects from their names: how many,
// how long a name, which names (conform's path syntax, with small array indexes), no NUL anywhere, and a
// well-formed conform intent. A name like `email[999999999]` would otherwise make conform build a
// billion-slot array that exhausts the heap when the reply is serialised.

/** Past any list a Cunbo form has (30 variants, 20 attributes); conform would allocate up to the index given. */
export const MAX_FIELD_INDEX = 100;
/** The largest form (bulk shipping: 200 parcels, each with its tracking number) has about 410 fields. */
export const MAX_FIELDS = 1000;
export const MAX_FIELD_NAME_LENGTH = 200;

const INTENT = "__intent__";
const STATE = "__state__";
const INTENT_TYPES = new Set(["validate", "update", "reset", "insert", "remove", "reorder"]);
// Keys conform refuses by throwing, and keys that would reach an object's prototype.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// conform's path syntax: a key, then `.key`, `[n]`, or a final `[]`.
const PATH = /^[^.[\]]+(?:\.[^.[\]]+|\[\d{1,3}\])*(?:\[\])?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function fieldNameAllowed(name: string): boolean {
  if (name.length === 0 || name.length > MAX_FIELD_NAME_LENGTH || name.includes("\0")) return false;
  if (!PATH.test(name)) return false;
  for (const [, key, index] of name.matchAll(/([^.[\]]+)|\[(\d*)\]/g)) {
    if (key !== undefined && FORBIDDEN_KEYS.has(key)) return false;
    if (index && Number(index) > MAX_FIELD_INDEX) return false;
  }
  return true;
}

const indexAllowed = (value: unknown) =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_FIELD_INDEX);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A conform intent (the value of `__intent__`, sent by its list buttons) that names only allowed fields. */
function intentAllowed(text: string): boolean {
  const intent = parseJson(text);
  if (!isPlainObject(intent) || typeof intent.type !== "string" || !INTENT_TYPES.has(intent.type)) return false;
  const payload = intent.payload;
  if (!isPlainObject(payload)) return false;
  if (
    payload.name !== undefined &&
    (typeof payload.name !== "string" || (payload.name && !fieldNameAllowed(payload.name)))
  )
    return false;
  return indexAllowed(payload.index) && indexAllowed(payload.from) && indexAllowed(payload.to);
}

/** conform's serialised form state (`__state__`): an object keyed by field names. */
function stateAllowed(text: string): boolean {
  const state = parseJson(text);
  return isPlainObject(state) && Object.keys(state).every((name) => name === "" || fieldNameAllowed(name));
}

export function fieldsWithinLimits(fields: Iterable<[string, FormDataEntryValue]>): boolean {
  let count = 0;
  for (const [name, value] of fields) {
    if (++count > MAX_FIELDS) return false;
    if ((typeof value === "string" ? value : value.name).includes("\0")) return false;
    if (name === INTENT || name === STATE) {
      if (typeof value !== "string" || !(name === INTENT ? intentAllowed(value) : stateAllowed(value))) return false;
    } else if (!fieldNameAllowed(name)) return false;
  }
  return true;
}
