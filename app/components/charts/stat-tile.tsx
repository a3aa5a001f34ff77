// One headline figure with its label (and an optional note), for the top of a dashboard.
export function StatTile({
  label,
  value,
  note,
  tone = "plain",
}: {
  label: string;
  value: string;
  note?: string;
  tone?: "plain" | "good" | "alarm";
}) {
  const colour = tone === "alarm" ? "text-red-700" : tone === "good" ? "text-leaf-700" : "text-stone-900";
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-3">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${colour}`}>{value}</dd>
      {note ? <dd className="text-xs text-stone-600">{note}</dd> : null}
    </div>
  );
}
